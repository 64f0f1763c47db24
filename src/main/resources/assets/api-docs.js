// /api-docs: Swagger UI on the service's own description. "Try it out" calls the API from this page
// with the credentials typed into "Authorize" (Basic or bearer); nothing is kept after the page closes.
window.addEventListener('DOMContentLoaded', function () {
  SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    docExpansion: 'none',
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false
  });
});
