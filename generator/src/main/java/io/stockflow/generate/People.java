package io.stockflow.generate;

import java.text.Normalizer;
import java.time.ZoneId;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Customers with obviously fake contact details (addresses at {@code example.com/.net/.org}, phone numbers from the
 * ranges reserved for fiction) and real-looking addresses in US, CA, GB, DE and FR. A share of orders comes from
 * returning customers, kept in a bounded pool.
 */
final class People {
    /** One customer, as every marketplace shows them. */
    static final class Customer {
        final long number;
        final String firstName;
        final String lastName;
        final String email;
        /** International format as typed, e.g. {@code +1 212-555-0147}. */
        final String phone;

        final Address address;

        Customer(long number, String firstName, String lastName, String email, String phone, Address address) {
            this.number = number;
            this.firstName = firstName;
            this.lastName = lastName;
            this.email = email;
            this.phone = phone;
            this.address = address;
        }

        String fullName() {
            return firstName + " " + lastName;
        }

        /** The same person at another address: a neighbour in the same building. */
        Customer livingAt(Address building) {
            return new Customer(number, firstName, lastName, email, phone, building);
        }

        /** {@code +12125550147} */
        String e164() {
            return "+" + phone.replaceAll("[^0-9]", "");
        }
    }

    static final class Address {
        final String country;
        final String countryName;
        /** State or province code for US and CA, null elsewhere. */
        final String region;

        final String regionName;
        final String city;
        final String postcode;
        final String street;

        Address(
                String country,
                String countryName,
                String region,
                String regionName,
                String city,
                String postcode,
                String street) {
            this.country = country;
            this.countryName = countryName;
            this.region = region;
            this.regionName = regionName;
            this.city = city;
            this.postcode = postcode;
            this.street = street;
        }
    }

    /** A city: where it is and how its postcodes look. */
    private static final class City {
        final String name;
        final String region;
        final String regionName;
        /** US, DE, FR: a numeric range; GB: outward codes; CA: the first letter of the forward sortation area. */
        final int from;

        final int to;
        final String[] codes;

        City(String name, String region, String regionName, int from, int to, String... codes) {
            this.name = name;
            this.region = region;
            this.regionName = regionName;
            this.from = from;
            this.to = to;
            this.codes = codes;
        }
    }

    static final String[] COUNTRIES = {"US", "CA", "GB", "DE", "FR"};

    private static final City[] US = {
        new City("New York", "NY", "New York", 10001, 10282),
        new City("Brooklyn", "NY", "New York", 11201, 11239),
        new City("Los Angeles", "CA", "California", 90001, 90089),
        new City("San Francisco", "CA", "California", 94102, 94134),
        new City("Chicago", "IL", "Illinois", 60601, 60661),
        new City("Austin", "TX", "Texas", 78701, 78759),
        new City("Seattle", "WA", "Washington", 98101, 98199),
        new City("Boston", "MA", "Massachusetts", 2108, 2136),
        new City("Miami", "FL", "Florida", 33125, 33199),
        new City("Atlanta", "GA", "Georgia", 30303, 30363),
        new City("Denver", "CO", "Colorado", 80202, 80249),
        new City("Portland", "OR", "Oregon", 97201, 97239)
    };
    private static final City[] CA = {
        new City("Toronto", "ON", "Ontario", 0, 0, "M"),
        new City("Ottawa", "ON", "Ontario", 0, 0, "K"),
        new City("Montréal", "QC", "Quebec", 0, 0, "H"),
        new City("Vancouver", "BC", "British Columbia", 0, 0, "V"),
        new City("Calgary", "AB", "Alberta", 0, 0, "T")
    };
    private static final City[] GB = {
        new City("London", null, null, 0, 0, "SW1A", "EC1A", "N1", "SE1", "W1D", "E2", "NW3"),
        new City("Manchester", null, null, 0, 0, "M1", "M4", "M20"),
        new City("Birmingham", null, null, 0, 0, "B1", "B15", "B29"),
        new City("Leeds", null, null, 0, 0, "LS1", "LS6"),
        new City("Edinburgh", null, null, 0, 0, "EH1", "EH8"),
        new City("Bristol", null, null, 0, 0, "BS1", "BS8"),
        new City("Cardiff", null, null, 0, 0, "CF10", "CF24")
    };
    private static final City[] DE = {
        new City("Berlin", null, null, 10115, 14199),
        new City("Hamburg", null, null, 20095, 22769),
        new City("München", null, null, 80331, 81929),
        new City("Köln", null, null, 50667, 51149),
        new City("Frankfurt am Main", null, null, 60306, 60599),
        new City("Stuttgart", null, null, 70173, 70629),
        new City("Leipzig", null, null, 4103, 4357)
    };
    private static final City[] FR = {
        new City("Paris", null, null, 75001, 75020),
        new City("Lyon", null, null, 69001, 69009),
        new City("Marseille", null, null, 13001, 13016),
        new City("Toulouse", null, null, 31000, 31500),
        new City("Lille", null, null, 59000, 59800),
        new City("Bordeaux", null, null, 33000, 33800),
        new City("Nantes", null, null, 44000, 44300)
    };

    private static final String[] US_STREETS = {
        "Maple Ave",
        "Oak St",
        "Main St",
        "Elm St",
        "Cedar Ln",
        "Park Ave",
        "Washington Blvd",
        "Lakeview Dr",
        "Pine St",
        "Sunset Blvd",
        "Hillcrest Rd"
    };
    private static final String[] CA_STREETS = {
        "King St W",
        "Yonge St",
        "Bank St",
        "Granville St",
        "Rue Sherbrooke",
        "Queen St E",
        "Bloor St W",
        "Rue Saint-Denis",
        "Kensington Rd NW"
    };
    private static final String[] GB_STREETS = {
        "High Street",
        "Station Road",
        "Church Lane",
        "Victoria Road",
        "Green Lane",
        "Mill Road",
        "Park Road",
        "Queens Road",
        "Kings Road"
    };
    private static final String[] DE_STREETS = {
        "Hauptstraße",
        "Bahnhofstraße",
        "Gartenstraße",
        "Schulstraße",
        "Lindenallee",
        "Bergstraße",
        "Kirchweg",
        "Am Markt",
        "Goethestraße"
    };
    private static final String[] FR_STREETS = {
        "rue de la République",
        "avenue Victor Hugo",
        "rue Pasteur",
        "boulevard Voltaire",
        "rue des Lilas",
        "place de la Mairie",
        "rue Jean Jaurès",
        "allée des Tilleuls"
    };

    private static final String[] US_FIRST = {
        "Ava", "Liam", "Noah", "Emma", "Olivia", "Mateo", "Sofia", "Ethan", "Mia", "Lucas", "Harper", "Jamal", "Priya",
        "Wei", "Grace", "Diego"
    };
    private static final String[] US_LAST = {
        "Smith",
        "Johnson",
        "Garcia",
        "Miller",
        "Davis",
        "Rodriguez",
        "Nguyen",
        "Patel",
        "Kim",
        "Brown",
        "Wilson",
        "Lopez",
        "Clark",
        "Hughes"
    };
    private static final String[] GB_FIRST = {
        "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Freya", "Charlie", "Poppy", "Arjun", "Aisha"
    };
    private static final String[] GB_LAST = {
        "Taylor",
        "Jones",
        "Williams",
        "Evans",
        "Thomas",
        "Roberts",
        "Walker",
        "Wright",
        "Khan",
        "Hughes",
        "Campbell",
        "Murphy"
    };
    private static final String[] DE_FIRST = {
        "Lena", "Jonas", "Mia", "Leon", "Hannah", "Paul", "Emilia", "Finn", "Sophie", "Lukas", "Elif", "Mehmet"
    };
    private static final String[] DE_LAST = {
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Schulz",
        "Hoffmann",
        "Yılmaz",
        "Koch"
    };
    private static final String[] FR_FIRST = {
        "Camille", "Louis", "Léa", "Gabriel", "Chloé", "Hugo", "Manon", "Jules", "Inès", "Arthur", "Yasmine", "Théo"
    };
    private static final String[] FR_LAST = {
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre", "Garnier",
        "Benali"
    };
    private static final String[] CA_FIRST = {
        "Emily", "Liam", "Chloé", "William", "Olivia", "Félix", "Maya", "Noah", "Zoé", "Ethan", "Aiden", "Simran"
    };
    private static final String[] CA_LAST = {
        "Tremblay",
        "Roy",
        "Smith",
        "Gagnon",
        "MacDonald",
        "Wilson",
        "Côté",
        "Lee",
        "Martin",
        "Singh",
        "Campbell",
        "Bouchard"
    };

    private static final String[] US_AREA = {"212", "415", "312", "512", "206", "617", "305", "404", "303", "503"};
    private static final String[] CA_AREA = {"416", "613", "514", "604", "403"};
    private static final String[] MAIL_DOMAINS = {"example.com", "example.net", "example.org"};
    /** Letters used in the inward part of a UK postcode. */
    private static final String GB_INWARD = "ABDEFGHJLNPQRSTUWXYZ";
    /** Letters allowed in a Canadian postal code (no D, F, I, O, Q, U). */
    private static final String CA_LETTERS = "ABCEGHJKLMNPRSTVWXYZ";

    private final Customer[] pool = new Customer[4096];
    /**
     * Returning customers are drawn only once this many have bought. With 1 (the default) a run's first minutes draw
     * the same few customers again and again, which looks like bursts of orders from one buyer.
     */
    int returningAfter = 1;

    private int pooled;
    private long customers;
    /** Share of new customers who live in an earlier customer's building. */
    double sharedBuilding;

    /** A new customer in the country, or (with the given probability) one who ordered before. */
    Customer customer(String country, double returning, SplittableRandom r) {
        if (pooled >= returningAfter && r.nextDouble() < returning)
            return pool[r.nextInt(Math.min(pooled, pool.length))];
        Customer c = newCustomer(country, r);
        if (sharedBuilding > 0 && pooled > 0 && r.nextDouble() < sharedBuilding) {
            Customer neighbour = pool[r.nextInt(Math.min(pooled, pool.length))];
            if (neighbour.address.country.equals(country)) c = c.livingAt(neighbour.address);
        }
        pool[pooled++ % pool.length] = c;
        if (pooled >= 2 * pool.length) pooled -= pool.length;
        return c;
    }

    Customer newCustomer(String country, SplittableRandom r) {
        long number = ++customers;
        String first;
        String last;
        switch (country) {
            case "US":
                first = Formats.pick(r, US_FIRST);
                last = Formats.pick(r, US_LAST);
                break;
            case "CA":
                first = Formats.pick(r, CA_FIRST);
                last = Formats.pick(r, CA_LAST);
                break;
            case "GB":
                first = Formats.pick(r, GB_FIRST);
                last = Formats.pick(r, GB_LAST);
                break;
            case "DE":
                first = Formats.pick(r, DE_FIRST);
                last = Formats.pick(r, DE_LAST);
                break;
            case "FR":
                first = Formats.pick(r, FR_FIRST);
                last = Formats.pick(r, FR_LAST);
                break;
            default:
                throw new IllegalArgumentException("no customers in " + country);
        }
        String email =
                ascii(first) + "." + ascii(last) + "+" + (1000 + r.nextInt(9000)) + "@" + Formats.pick(r, MAIL_DOMAINS);
        return new Customer(number, first, last, email, phone(country, r), address(country, r));
    }

    /** Numbers from the ranges set aside for fiction, or plainly made of zeros. */
    private static String phone(String country, SplittableRandom r) {
        String two = Formats.digits(r.nextInt(100), 2);
        switch (country) {
            case "US":
                return "+1 " + Formats.pick(r, US_AREA) + "-555-01" + two;
            case "CA":
                return "+1 " + Formats.pick(r, CA_AREA) + "-555-01" + two;
            case "GB":
                return "+44 7700 900" + Formats.digits(r.nextInt(1000), 3);
            case "DE":
                return "+49 30 0000 0" + Formats.digits(r.nextInt(1000), 3);
            case "FR":
                return "+33 1 99 00 " + two + " " + Formats.digits(r.nextInt(100), 2);
            default:
                throw new IllegalArgumentException(country);
        }
    }

    private static Address address(String country, SplittableRandom r) {
        int number = 1 + r.nextInt(240);
        switch (country) {
            case "US": {
                City c = Formats.pick(r, US);
                return new Address(
                        "US",
                        "United States",
                        c.region,
                        c.regionName,
                        c.name,
                        Formats.digits(range(c, r), 5),
                        number + " " + Formats.pick(r, US_STREETS));
            }
            case "CA": {
                City c = Formats.pick(r, CA);
                String postcode = c.codes[0] + r.nextInt(10) + letter(CA_LETTERS, r) + " " + r.nextInt(10)
                        + letter(CA_LETTERS, r) + r.nextInt(10);
                return new Address(
                        "CA",
                        "Canada",
                        c.region,
                        c.regionName,
                        c.name,
                        postcode,
                        number + " " + Formats.pick(r, CA_STREETS));
            }
            case "GB": {
                City c = Formats.pick(r, GB);
                String postcode =
                        Formats.pick(r, c.codes) + " " + r.nextInt(10) + letter(GB_INWARD, r) + letter(GB_INWARD, r);
                return new Address(
                        "GB",
                        "United Kingdom",
                        null,
                        null,
                        c.name,
                        postcode,
                        number + " " + Formats.pick(r, GB_STREETS));
            }
            case "DE": {
                City c = Formats.pick(r, DE);
                return new Address(
                        "DE",
                        "Germany",
                        null,
                        null,
                        c.name,
                        Formats.digits(range(c, r), 5),
                        Formats.pick(r, DE_STREETS) + " " + number);
            }
            case "FR": {
                City c = Formats.pick(r, FR);
                return new Address(
                        "FR",
                        "France",
                        null,
                        null,
                        c.name,
                        Formats.digits(range(c, r), 5),
                        number + " " + Formats.pick(r, FR_STREETS));
            }
            default:
                throw new IllegalArgumentException("no addresses in " + country);
        }
    }

    private static int range(City c, SplittableRandom r) {
        return c.from + r.nextInt(c.to - c.from + 1);
    }

    private static char letter(String letters, SplittableRandom r) {
        return letters.charAt(r.nextInt(letters.length()));
    }

    /** {@code Müller} becomes {@code muller}, for e-mail addresses. */
    static String ascii(String name) {
        return Normalizer.normalize(name.replace('ı', 'i'), Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }

    static String currency(String country) {
        switch (country) {
            case "US":
                return "USD";
            case "CA":
                return "CAD";
            case "GB":
                return "GBP";
            default:
                return "EUR";
        }
    }

    /** Where a shop selling into the country keeps its clock. */
    static ZoneId zone(String country) {
        switch (country) {
            case "US":
                return ZoneId.of("America/New_York");
            case "CA":
                return ZoneId.of("America/Toronto");
            case "GB":
                return ZoneId.of("Europe/London");
            case "DE":
                return ZoneId.of("Europe/Berlin");
            default:
                return ZoneId.of("Europe/Paris");
        }
    }
}
