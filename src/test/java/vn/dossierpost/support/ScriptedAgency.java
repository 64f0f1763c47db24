package vn.dossierpost.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * An agency's HTTP endpoint for MockWebServer that answers from a script (then 201 with a fresh
 * receipt) and keeps every request it received.
 */
public final class ScriptedAgency extends Dispatcher {
    private final Deque<MockResponse> script = new ArrayDeque<>();
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger receipts = new AtomicInteger();

    public synchronized ScriptedAgency then(MockResponse response) {
        script.add(response);
        return this;
    }

    public synchronized ScriptedAgency then(int code, String body) {
        return then(new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build());
    }

    public synchronized void reset() {
        script.clear();
        received.clear();
    }

    public List<RecordedRequest> received() {
        return List.copyOf(received);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        received.add(request);
        synchronized (this) {
            if (!script.isEmpty()) {
                return script.poll();
            }
        }
        return new MockResponse.Builder()
                .code(201)
                .addHeader("Content-Type", "application/json")
                .body("{\"receiptNumber\":\"TN-" + receipts.incrementAndGet()
                        + "\",\"receivedAt\":\"2026-11-23T08:30:00+07:00\"}")
                .build();
    }
}
