package io.gameflow.e2e;

/** Makes the next batch of one load thread; each thread has its own, so a subject's events come from one thread. */
interface BatchSource {

    EventBatch next();
}
