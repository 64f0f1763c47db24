package vn.dossierpost.health;

import vn.dossierpost.service.givenup.GivenUpItems;

/**
 * Unhealthy while something given up (a message, a notice, a handover) waits for an operator to
 * acknowledge it: otherwise it would be given up in silence.
 */
public final class GivenUpHealthCheck extends GuardedHealthCheck {
    private final GivenUpItems givenUp;

    public GivenUpHealthCheck(GivenUpItems givenUp) {
        this.givenUp = givenUp;
    }

    @Override
    protected Result checkOrThrow() {
        long n = givenUp.notAcknowledged();
        ResultBuilder result = Result.builder().withDetail("notAcknowledged", n);
        if (n > 0) {
            return result.unhealthy()
                    .withMessage(n + " item(s) given up and not acknowledged: GET /api/given-up")
                    .build();
        }
        return result.healthy().build();
    }
}
