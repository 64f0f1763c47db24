package vn.dossierpost.app;

import java.util.Map;
import java.util.Properties;

/**
 * What a module hands to the one Camel context: the beans its routes call by name and the route
 * properties ({@code {{...}}} placeholders) its settings become.
 */
public record RouteBindings(Map<String, Object> beans, Properties properties) {}
