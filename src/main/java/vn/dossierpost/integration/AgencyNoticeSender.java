package vn.dossierpost.integration;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.dossierpost.domain.AgencyChannel;
import vn.dossierpost.domain.Channel;
import vn.dossierpost.service.returnleg.AgencyNoticeOutbox;

/**
 * The sending side of {@link vn.dossierpost.service.returnleg.AgencyNotices}, called by routes/agency-notices.yaml:
 * hands the route the notices {@link AgencyNoticeOutbox} leased, each with what it needs to go through its
 * agency's channel (HTTP, or a JSON Lines file with its done file in the agency's drop folder), and reports
 * back how each send went (the outbox marks it sent, to be tried again with backoff, or given up).
 */
public final class AgencyNoticeSender {

    /**
     * One notice to send. {@code fileEndpoint} is the agency's drop folder with its options (for
     * FILE_DROP and SFTP), {@code fileName} the notice's file there.
     */
    public record Notice(
            long id,
            int attempts,
            OffsetDateTime createdAt,
            AgencyChannel agency,
            String channel,
            String body,
            String fileEndpoint,
            String fileName) {

        AgencyNoticeOutbox.Due due() {
            return new AgencyNoticeOutbox.Due(id, attempts, createdAt, agency, body);
        }
    }

    private final AgencyNoticeOutbox outbox;
    private final Function<AgencyChannel, String> dropOptions;

    public AgencyNoticeSender(AgencyNoticeOutbox outbox, Function<AgencyChannel, String> dropOptions) {
        this.outbox = outbox;
        this.dropOptions = dropOptions;
    }

    public List<Notice> claim(int limit) {
        List<AgencyNoticeOutbox.Due> due = outbox.claim(limit);
        List<Notice> notices = new ArrayList<>(due.size());
        for (AgencyNoticeOutbox.Due d : due) {
            AgencyChannel a = d.agency();
            boolean http = a.channel() == Channel.HTTP;
            String fileEndpoint = http ? null : AgencyRoutes.dropEndpoint(a) + "?" + dropOptions.apply(a);
            String fileName = http ? null : "notice-" + d.id() + ".jsonl";
            notices.add(new Notice(
                    d.id(), d.attempts(), d.createdAt(), a, a.channel().name(), d.body(), fileEndpoint, fileName));
        }
        return notices;
    }

    public void sent(Notice n) {
        outbox.sent(n.due());
    }

    public void failed(Notice n, Exception cause) {
        outbox.failed(n.due(), cause);
    }
}
