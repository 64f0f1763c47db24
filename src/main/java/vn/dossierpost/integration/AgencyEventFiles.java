package vn.dossierpost.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.dossierpost.api.agency.AgencyEventRequest;
import vn.dossierpost.domain.Role;
import vn.dossierpost.domain.User;
import vn.dossierpost.service.Problem;
import vn.dossierpost.service.handover.AgencyEventOutcome;
import vn.dossierpost.service.handover.AgencyEventService;

/**
 * An agency's events as a JSON Lines file in its inbox folder: every line is applied on its own
 * (idempotently, like over HTTP); the lines that could not be (not JSON, a missing field, not this
 * agency's dossier, a contradiction) are listed with their numbers and reasons, and the route then
 * moves the file to {@code .failed/} beside that list.
 */
public final class AgencyEventFiles {
    private final AgencyEventService events;
    private final ObjectMapper json;

    public AgencyEventFiles(AgencyEventService events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    /** @return how many lines were applied or found stale */
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
                AgencyEventOutcome outcome = events.apply(agency, event, "FILE " + fileName + ":" + (i + 1));
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
