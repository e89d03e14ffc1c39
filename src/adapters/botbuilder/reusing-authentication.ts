/**
 * botbuilder's ConfigurationBotFrameworkAuthentication, except that connector clients and user
 * token clients are reused instead of built anew for every turn. CloudAdapter builds both per
 * activity, each with its own REST pipeline; under load that is most of a turn's garbage, and
 * the older BotFrameworkAdapter cached them the same way (per serviceUrl, app id and scope).
 * A client holds no per-turn state: its credentials fetch and refresh tokens by themselves.
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { LRUCache } from 'lru-cache';

type Base = ConfigurationBotFrameworkAuthentication;
type AuthenticateRequestResult = Awaited<ReturnType<Base['authenticateRequest']>>;
type ClaimsIdentity = Parameters<Base['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<Base['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<Base['createUserTokenClient']>>;

/** Few serviceUrls exist (one per Teams region); the bound only stops a flood of forged ones. */
const MAX_CLIENTS = 64;

export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectorClients = new LRUCache<string, Promise<ConnectorClient>>({ max: MAX_CLIENTS });
  private readonly userTokenClients = new LRUCache<string, Promise<UserTokenClient>>({ max: MAX_CLIENTS });

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.shared(this.userTokenClients, appIdOf(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    const create = (serviceUrl: string, audience?: string): Promise<ConnectorClient> =>
      this.shared(this.connectorClients, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
        factory.create(serviceUrl, audience),
      );
    // ConnectorFactory is an abstract class with `create` as its only member.
    return { create } as ConnectorFactory;
  }

  /** One client per key; a client whose creation failed is not kept, so the next turn tries again. */
  private shared<T>(cache: LRUCache<string, Promise<T>>, key: string, build: () => Promise<T>): Promise<T> {
    const cached = cache.get(key);
    if (cached) return cached;
    const created = build();
    cache.set(key, created);
    created.catch(() => {
      if (cache.get(key) === created) cache.delete(key);
    });
    return created;
  }
}

/** The bot's own app id, as botbuilder derives it: the audience claim, else the appid claim. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
}
