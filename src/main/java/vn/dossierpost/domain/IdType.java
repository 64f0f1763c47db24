package vn.dossierpost.domain;

/**
 * How an applicant is identified: a Vietnamese citizen by the CCCD, a foreigner by the passport, an
 * organisation (a company, a branch) by its tax code (mã số thuế). Each type parses its own numbers.
 */
public enum IdType {
    CCCD("Số CCCD", "the 12-digit citizen identity (CCCD) number"),
    PASSPORT(
            "Số hộ chiếu",
            "the passport number, " + PassportNumber.MIN_LENGTH + " to " + PassportNumber.MAX_LENGTH
                    + " letters or digits"),
    TAX_CODE("Mã số thuế", "the organisation's tax code: 10 digits, or 10 digits, '-' and the 3-digit branch");

    private final String label;
    private final String expected;

    IdType(String label, String expected) {
        this.label = label;
        this.expected = expected;
    }

    /** The type's name on slips and pages. */
    public String label() {
        return label;
    }

    /** What a number of this type looks like, for the messages that refuse one. */
    public String expected() {
        return expected;
    }

    /** True for a person (who can appear and collect in person); false for an organisation. */
    public boolean person() {
        return this != TAX_CODE;
    }

    /** Parses {@code raw} as a number of this type, normalised; {@link InvalidValueException} otherwise. */
    public String parse(String raw, int currentYear) {
        return switch (this) {
            case CCCD -> CitizenId.parse(raw, currentYear).value();
            case PASSPORT -> PassportNumber.parse(raw).value();
            case TAX_CODE -> TaxCode.parse(raw).value();
        };
    }
}
