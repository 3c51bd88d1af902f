/**
 * Responses shaped like the real server's (Django REST Framework): compact JSON bodies,
 * `{"detail": …}` for errors, field errors as `{"field": ["message"]}`, and Django's plain
 * HTML 404 page for URLs with no route.
 */

/** @typedef {{ status: number, body: string, headers: Record<string, string> }} ApiResponse */

/** Thrown by handlers; the router turns it into a response. */
export class ApiError extends Error {
  constructor(/** @type {number} */ status, /** @type {unknown} */ body) {
    super(`HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** @returns {ApiResponse} */
export const json = (/** @type {number} */ status, /** @type {unknown} */ body) => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

/** @returns {ApiResponse} */
export const noContent = () => ({ status: 204, body: '', headers: {} });

export const detailError = (/** @type {number} */ status, /** @type {string} */ detail) =>
  new ApiError(status, { detail });
export const fieldError = (/** @type {string} */ field, /** @type {string} */ message) =>
  new ApiError(400, { [field]: [message] });
export const notFound = () => detailError(404, 'Not found.');

export const DJANGO_404_HTML = `<!doctype html>
<html lang="en">
<head>
  <title>Not Found</title>
</head>
<body>
  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>
</body>
</html>
`;

/** Django's 404 page: what a URL with no route gets (no auth check happens). @returns {ApiResponse} */
export const htmlNotFound = () => ({
  status: 404,
  body: DJANGO_404_HTML,
  headers: { 'content-type': 'text/html; charset=utf-8' },
});
