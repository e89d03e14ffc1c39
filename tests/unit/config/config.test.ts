import { ConfigError, loadConfig, redactedConfig } from '../../../src/config/config';

const TENANT = '11111111-2222-4333-8444-555555555555';

describe('configuration', () => {
  it('has defaults that run locally with the bundled registry', () => {
    const config = loadConfig({}, '/srv/bot');
    expect(config).toMatchObject({
      PORT: 3978,
      DEFAULT_LOCALE: 'fi',
      LOG_LEVEL: 'info',
      localMode: true,
      ALLOWED_TENANTS: [],
    });
    expect(config.DATA_DIR).toBe('/srv/bot/.data');
    expect(config.REGISTRY_PATH).toBe('/srv/bot/data/registry');
    expect(config.REDIS_URL).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('parses a comma-separated tenant list', () => {
    const config = loadConfig({
      ALLOWED_TENANTS: ` ${TENANT.toUpperCase()} , 99999999-8888-4777-8666-555555555555,`,
    });
    expect(config.ALLOWED_TENANTS).toEqual([TENANT, '99999999-8888-4777-8666-555555555555']);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DEFAULT_LOCALE: 'de' }, 'DEFAULT_LOCALE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ ALLOWED_TENANTS: 'contoso' }, 'ALLOWED_TENANTS'],
  ])('stops on %j naming the variable', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });

  it('refuses production without credentials or tenant list', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MicrosoftAppId[\s\S]*ALLOWED_TENANTS/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app', ALLOWED_TENANTS: TENANT }),
    ).toThrow(/MicrosoftAppPassword/);
    const config = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'pw',
      ALLOWED_TENANTS: TENANT,
    });
    expect(config.localMode).toBe(false);
  });

  it('redacts secrets for logging', () => {
    const config = loadConfig({
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'very-secret',
      REDIS_URL: 'redis://user:pw@redis:6379',
    });
    const shown = JSON.stringify(redactedConfig(config));
    expect(shown).not.toContain('very-secret');
    expect(shown).not.toContain('user:pw');
    expect(shown).toContain('redis:6379');
  });
});
