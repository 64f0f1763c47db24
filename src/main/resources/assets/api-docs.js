// /api-docs: Swagger UI on the service's own description and on the agency's side of the handover
// (the selector at the top). "Try it out" calls the API from this page with the credentials typed into
// "Authorize" (Basic or bearer); nothing is kept after the page closes.
window.addEventListener('DOMContentLoaded', function () {
  SwaggerUIBundle({
    urls: [
      { url: '/openapi.json', name: 'API của dịch vụ (the service)' },
      { url: '/openapi-agency.yaml', name: 'Phía cơ quan nhận hồ sơ (the agency side)' }
    ],
    'urls.primaryName': 'API của dịch vụ (the service)',
    dom_id: '#swagger-ui',
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    deepLinking: true,
    docExpansion: 'none',
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false
  });
});
