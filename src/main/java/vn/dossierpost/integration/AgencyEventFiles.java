package vn.dossierpost.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.dossierpost.api.agency.AgencyEventRequest;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.DatabaseRetry;
import vn.dossierpost.service.DatabaseUnavailable;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.handover.AgencyEventOutcome;
import vn.dossierpost.service.handover.AgencyEventService;

/**
 * An agency's events as a JSON Lines file in its inbox folder: every line is applied on its own
 * (idempotently, like over HTTP); the lines that could not be (not JSON, a missing field, not this
 * agency's dossier, a contradiction) are listed with their numbers and reasons, and the route then
 * moves the file to {@code .failed/} beside that list. A line is not wrong because the database
 * failed while applying it: it is tried again ({@link DatabaseRetry}), and if the database stays away
 * {@link DatabaseUnavailable} stops the file, which the route leaves in the inbox for a later
 * poll (the lines already applied are then found applied, by their event ids).
 */
public final class AgencyEventFiles {
    private final AgencyEventService events;
    private final ObjectMapper json;
    private final DatabaseRetry retry;

    public AgencyEventFiles(AgencyEventService events, ObjectMapper json, DatabaseRetry retry) {
        this.events = events;
        this.json = json;
        this.retry = retry;
    }

    /**
     * @return how many lines were applied or found stale
     * @throws IllegalArgumentException listing the lines that are wrong in themselves (the others were applied)
     * @throws DatabaseUnavailable when the database could not be reached; nothing is wrong with the file
     */
    public int apply(String agencyCode, String fileName, byte[] content) {
        User agency = new User("agency:" + agencyCode, Role.AGENCY, null, agencyCode, null);
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\r?\n");
        List<String> problems = new ArrayList<>();
        int done = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + (i + 1) + ": ";
            try {
                AgencyEventRequest event = json.readValue(line, AgencyEventRequest.class);
                String source = "FILE " + fileName + ":" + (i + 1);
                AgencyEventOutcome outcome = retry.call(
                        "inbox file " + fileName + " line " + (i + 1), () -> events.apply(agency, event, source));
                if (outcome instanceof AgencyEventOutcome.Conflict c) {
                    problems.add(where + "refused: " + c.message());
                } else if (outcome instanceof AgencyEventOutcome.NotFound n) {
                    problems.add(where + "not found: " + n.message());
                } else {
                    done++;
                }
            } catch (Problem p) {
                problems.add(where + p.getMessage());
            } catch (IOException e) {
                problems.add(where + "not a JSON event: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    done + " lines applied; " + problems.size() + " not:\n" + String.join("\n", problems));
        }
        return done;
    }
}
