/**
 * A stand-in for @microsoft/teams-js in the browser tests: served instead of /tab/teams-js.js,
 * it answers as a Teams host would (initialize, context, SSO token, config page) and records
 * what the page asked of it on `window.__teamsHost`.
 */
export interface HostContext {
  readonly app: { readonly locale: string; readonly theme: string };
  readonly channel?: { readonly id: string };
  readonly chat?: { readonly id: string };
  readonly team?: { readonly groupId: string };
}

export interface HostStubOptions {
  readonly context: HostContext;
  /** What getAuthToken resolves with; undefined: it rejects, as when the user cannot sign in. */
  readonly token?: string;
}

export function teamsHostStub(options: HostStubOptions): string {
  const context = JSON.stringify(options.context);
  const token = JSON.stringify(options.token ?? null);
  return `(function () {
  var host = { tokenRequests: 0, validity: null, config: null, saved: null, saveHandler: null, themeHandler: null };
  window.__teamsHost = host;
  window.microsoftTeams = {
    app: {
      initialize: function () { return Promise.resolve(); },
      getContext: function () { return Promise.resolve(${context}); },
      registerOnThemeChangeHandler: function (handler) { host.themeHandler = handler; }
    },
    authentication: {
      getAuthToken: function () {
        host.tokenRequests += 1;
        var token = ${token};
        return token ? Promise.resolve(token) : Promise.reject(new Error('resourceRequiresConsent'));
      }
    },
    pages: {
      config: {
        registerOnSaveHandler: function (handler) { host.saveHandler = handler; },
        setValidityState: function (valid) { host.validity = valid; },
        setConfig: function (config) { host.config = config; return Promise.resolve(); }
      }
    }
  };
})();`;
}

/** What the stub recorded, as the page's window holds it. */
interface HostRecord {
  readonly validity: boolean | null;
  readonly config: unknown;
  readonly saveHandler:
    ((event: { notifySuccess(): void; notifyFailure(reason: string): void }) => void) | null;
}
declare const window: { readonly __teamsHost?: HostRecord };

/** In the page: whether the configuration page told the host it can be saved. */
export function hostValidity(): boolean | null {
  return window.__teamsHost?.validity ?? null;
}

/** In the page: presses Teams' Save on the configuration page; resolves with the saved settings. */
export function saveTab(): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const host = window.__teamsHost;
    if (!host?.saveHandler) {
      reject(new Error('the page registered no save handler'));
      return;
    }
    host.saveHandler({
      notifySuccess: () => resolve(window.__teamsHost?.config),
      notifyFailure: (reason) => reject(new Error(reason)),
    });
  });
}
