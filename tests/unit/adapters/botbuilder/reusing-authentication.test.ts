import type { Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from '../../../../src/adapters/botbuilder/reusing-authentication';

type ClaimsIdentity = Parameters<ReusingBotFrameworkAuthentication['createConnectorFactory']>[0];

const EMEA = 'https://smba.trafficmanager.net/emea/';
const AMER = 'https://smba.trafficmanager.net/amer/';

function message(serviceUrl: string, id: string): Activity {
  return {
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl,
    text: 'hei',
    from: { id: '29:user' },
    recipient: { id: '28:bot' },
    conversation: { id: 'a:conv' },
  } as Activity;
}

/** A claims identity of a token issued for the given bot. */
function claimsFor(appId: string): ClaimsIdentity {
  const claims = [{ type: 'aud', value: appId }];
  return {
    claims,
    isAuthenticated: true,
    getClaimValue: (type: string) => claims.find((claim) => claim.type === type)?.value ?? null,
  } as unknown as ClaimsIdentity;
}

/** The connector factory of an authenticated turn, which botbuilder types as optional. */
async function turn(auth: ReusingBotFrameworkAuthentication, activity: Activity) {
  const result = await auth.authenticateRequest(activity, '');
  if (!result.connectorFactory) throw new Error('no connector factory for the turn');
  return { ...result, connectorFactory: result.connectorFactory };
}

describe('connector and user token clients reused across turns', () => {
  const auth = new ReusingBotFrameworkAuthentication({ MicrosoftAppType: 'MultiTenant' });

  it('gives every turn to the same serviceUrl the same connector client', async () => {
    const first = await turn(auth, message(EMEA, '1'));
    const second = await turn(auth, message(EMEA, '2'));
    const client = await first.connectorFactory.create(EMEA);
    expect(await second.connectorFactory.create(EMEA)).toBe(client);
    // Proactive sends (continueConversation) get it too.
    expect(await auth.createConnectorFactory(first.claimsIdentity).create(EMEA)).toBe(client);
  });

  it('keeps clients apart by serviceUrl, audience and bot', async () => {
    const { connectorFactory, claimsIdentity } = await turn(auth, message(EMEA, '3'));
    const emea = await connectorFactory.create(EMEA);
    const amer = await connectorFactory.create(AMER);
    expect(amer).not.toBe(emea);
    expect((amer as unknown as { baseUri: string }).baseUri).toBe(AMER);
    expect(await connectorFactory.create(EMEA, 'https://api.botframework.us')).not.toBe(emea);
    expect(await auth.createConnectorFactory(claimsFor('other-bot')).create(EMEA)).not.toBe(emea);
    expect(await auth.createConnectorFactory(claimsIdentity).create(AMER)).toBe(amer);
  });

  it('builds one user token client per bot', async () => {
    const { claimsIdentity } = await auth.authenticateRequest(message(EMEA, '4'), '');
    const client = await auth.createUserTokenClient(claimsIdentity);
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(client);
    expect(await auth.createUserTokenClient(claimsFor('other-bot'))).not.toBe(client);
  });
});
