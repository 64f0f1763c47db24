package vn.dossierpost.app;

import vn.dossierpost.http.RateLimiter;
import vn.dossierpost.service.dossier.TrackingService;

/** Public tracking and its rate limit per address, shared by the JSON API and the public page. */
public record PublicTracking(TrackingService service, RateLimiter limiter) {}
