package vn.dossierpost.domain;

import java.util.List;

/**
 * What the applicant pays at intake, in VND: the postage (the post's revenue) and the government
 * fee (collected on behalf of the agency and remitted to it) are kept apart because they are
 * accounted for separately.
 */
public record Fees(List<FeeItem> items, long postage, long governmentFee, long total) {

    public Fees {
        items = List.copyOf(items);
    }
}
