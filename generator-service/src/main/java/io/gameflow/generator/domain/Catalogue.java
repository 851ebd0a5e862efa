package io.gameflow.generator.domain;

import java.math.BigDecimal;
import java.util.List;

/** What players buy, and the currencies they pay in: shared by honest players and fraud actors. */
public final class Catalogue {

    public static final List<Item> ITEMS = List.of(
            new Item("skin_dragon", "skin", new BigDecimal("4.99")), new Item("skin_ghost", "skin", new BigDecimal("9.99")),
            new Item("weapon_bow", "weapon", new BigDecimal("2.99")), new Item("weapon_axe", "weapon", new BigDecimal("6.49")),
            new Item("boost_xp", "boost", new BigDecimal("0.99")), new Item("boost_gold", "boost", new BigDecimal("1.99")));

    public static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP");

    private Catalogue() {
    }

    public record Item(String id, String type, BigDecimal price) {
    }
}
