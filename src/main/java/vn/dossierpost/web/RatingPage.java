package vn.dossierpost.web;

import vn.dossierpost.service.notify.Ratings;

/**
 * The applicant's rating form, opened from the link in the delivery message: the dossier it is
 * about, five stars and a comment; then a thank-you, or the score already given.
 */
public final class RatingPage extends Page {
    private final String token;
    private final Ratings.Invitation invitation;
    private final String score;
    private final String comment;
    private final String error;
    private final boolean thanks;

    private RatingPage(
            String token, Ratings.Invitation invitation, String score, String comment, String error, boolean thanks) {
        super("public/rating.ftlh", "Đánh giá dịch vụ");
        this.token = token;
        this.invitation = invitation;
        this.score = score;
        this.comment = comment;
        this.error = error;
        this.thanks = thanks;
    }

    static RatingPage form(String token, Ratings.Invitation invitation) {
        return new RatingPage(token, invitation, "", "", null, false);
    }

    static RatingPage refused(String token, Ratings.Invitation invitation, String score, String comment, String error) {
        return new RatingPage(
                token, invitation, score == null ? "" : score, comment == null ? "" : comment, error, false);
    }

    static RatingPage thanks(String token, Ratings.Invitation invitation) {
        return new RatingPage(token, invitation, "", "", null, true);
    }

    public String getToken() {
        return token;
    }

    public Ratings.Invitation getInvitation() {
        return invitation;
    }

    public String getScore() {
        return score;
    }

    public String getComment() {
        return comment;
    }

    public String getError() {
        return error;
    }

    public boolean isThanks() {
        return thanks;
    }
}
