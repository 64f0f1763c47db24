package vn.dossierpost.service.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.dossierpost.db.RatingDAO;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.Text;
import vn.dossierpost.service.catalogue.ReferenceData;
import vn.dossierpost.service.catalogue.ReferenceDataCache;

/**
 * The applicant's rating of the service. When the result is in their hands the message carries a link
 * with a one-time token (random, 128 bits; only its SHA-256 is stored, so the table cannot be used to
 * rate); the link opens a form without signing in, and a dossier is rated once, 1 to 5 with an
 * optional comment. Supervisors read the averages per office and procedure.
 */
public final class Ratings {
    static final int MAX_COMMENT = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the rating form shows: the dossier, its procedure and office, and the score if already rated. */
    public record Invitation(String dossierCode, String procedureName, String officeName, Integer score) {}

    /** Averages per office and procedure over [from, to]. */
    public record Averages(LocalDate from, LocalDate to, List<RatingDAO.Average> lines) {}

    private final Jdbi jdbi;
    private final ReferenceDataCache referenceData;
    private final Clock clock;

    public Ratings(Jdbi jdbi, ReferenceDataCache referenceData, Clock clock) {
        this.jdbi = jdbi;
        this.referenceData = referenceData;
        this.clock = clock;
    }

    /** In the caller's transaction: the link to rate the dossier, or null when it was asked before. */
    static String invite(Handle h, long dossierId, String trackingUrl, OffsetDateTime now) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (h.attach(RatingDAO.class).invite(dossierId, hash(token), now) == 0) {
            return null;
        }
        return URI.create(trackingUrl).resolve("/danh-gia/" + token).toString();
    }

    public Invitation invitation(String token) {
        RatingDAO.Invited invited = jdbi.withHandle(h -> find(h, token));
        ReferenceData data = referenceData.get();
        return new Invitation(
                invited.code(),
                data.procedure(invited.procedureCode()).map(p -> p.name()).orElse(invited.procedureCode()),
                data.office(invited.officeCode()).map(o -> o.name()).orElse(invited.officeCode()),
                invited.score());
    }

    /** 422 for a score outside 1–5 or a long comment, 404 for an unknown link, 409 when rated already. */
    public void rate(String token, String score, String comment) {
        int value;
        try {
            value = Integer.parseInt(score == null ? "" : score.trim());
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value < 1 || value > 5) {
            throw Problem.invalid("score", "must be a whole number from 1 to 5");
        }
        String text = Text.blankToNull(comment);
        if (text != null && text.length() > MAX_COMMENT) {
            throw Problem.invalid("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        int stars = value;
        jdbi.useTransaction(h -> {
            RatingDAO.Invited invited = find(h, token);
            if (h.attach(RatingDAO.class)
                            .rate(
                                    invited.dossierId(),
                                    stars,
                                    text == null ? null : text.trim(),
                                    OffsetDateTime.now(clock))
                    == 0) {
                throw Problem.conflict("dossier " + invited.code() + " was rated already", Map.of());
            }
        });
    }

    /** National staff see every office; an office-bound supervisor their own. */
    public Averages averages(User user, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw Problem.invalid("to", "must be on or after from");
        }
        var zone = clock.getZone();
        List<RatingDAO.Average> lines = jdbi.withHandle(h -> h.attach(RatingDAO.class)
                .averages(
                        user.officeScope(),
                        from.atStartOfDay(zone).toOffsetDateTime(),
                        to.plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
        return new Averages(from, to, lines);
    }

    private static RatingDAO.Invited find(Handle h, String token) {
        return h.attach(RatingDAO.class)
                .invited(hash(token == null ? "" : token))
                .orElseThrow(() -> Problem.notFound("no rating invitation for this link"));
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
