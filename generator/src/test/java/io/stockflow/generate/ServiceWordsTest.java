package io.stockflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockflow.ingest.ServiceLevels;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipping words each marketplace payload uses say the speed the generator chose, as stockflow reads them. */
class ServiceWordsTest {
    /**
     * eBay codes stockflow cannot read as meant: Royal Mail's First Class is its faster tier but says no speed word;
     * DHL Express and Chronopost name a product, not the speed ordered.
     */
    private static final Set<String> AMBIGUOUS = Set.of("GB EXPEDITED", "DE EXPEDITED", "FR EXPEDITED", "FR PRIORITY");

    @Test
    void eachLevelIsReadAsItsLevel() {
        for (SimOrder.Level level : SimOrder.Level.values()) {
            String[] shopify = ShopifyPayloads.shippingLine(level);
            assertThat(ServiceLevels.normalize(shopify[0], shopify[1]))
                    .as("shopify %s", level)
                    .isEqualTo(level.name());
            for (boolean free : new boolean[] {true, false}) {
                String[] woo = WooCommercePayloads.shippingMethod(level, free);
                assertThat(ServiceLevels.normalize(woo[0], woo[1]))
                        .as("woocommerce %s", level)
                        .isEqualTo(level.name());
            }
            for (String country : People.COUNTRIES) {
                assertThat(ServiceLevels.normalize(AmazonPayloads.serviceLevel(country, level)))
                        .as("amazon %s %s", country, level)
                        .isEqualTo(level.name());
                if (AMBIGUOUS.contains(country + " " + level)) continue;
                assertThat(ServiceLevels.normalize(EbayPayloads.service(country, level)))
                        .as("ebay %s %s", country, level)
                        .isEqualTo(level.name());
            }
        }
    }
}
