// Where the API is. The portal and the API live on different origins (a Static Web App and the Functions app in
// Azure, two loopback ports locally), so the portal reads the API's address from `config.json` next to its pages
// ({"apiBaseUrl": "https://…"}; written at deploy time by azd's predeploy hook, served by the local host locally)
// and calls the API with absolute URLs.
let config;

/** The API's base URL without a trailing slash; rejects when config.json is missing or malformed. */
export function apiBaseUrl() {
  config ??= fetch('/config.json', { credentials: 'omit', cache: 'no-cache' })
    .then(async response => {
      const value = response.ok ? (await response.json().catch(() => null))?.apiBaseUrl : undefined;
      if (typeof value !== 'string' || !/^https?:\/\/[^/]+\/?$/.test(value)) {
        throw new Error('The portal\'s configuration (config.json) does not name the API.');
      }
      return value.replace(/\/$/, '');
    })
    .catch(error => {
      config = undefined; // asked again on the next call: a network hiccup is not for ever
      throw error;
    });
  return config;
}

/** `path` (`/api/…`, as the API's own links are) made absolute against the API's base URL. */
export async function apiUrl(path) {
  return /^https?:\/\//.test(path) ? path : `${await apiBaseUrl()}${path}`;
}
