package vn.dossierpost.app;

import vn.dossierpost.service.handover.AgencyEventService;
import vn.dossierpost.service.handover.HandoverQueries;

/** The handover services the pages share with the JSON API, built once by {@link HandoverModule}. */
public record HandoverServices(AgencyEventService agencyEvents, HandoverQueries queries) {}
