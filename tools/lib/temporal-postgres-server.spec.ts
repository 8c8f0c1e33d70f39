import { DYNAMIC_CONFIG_FILE } from './temporal-server.mjs';
import { temporalServerConfig } from './temporal-postgres-server.mjs';

describe('temporalServerConfig', () => {
  const ports = {
    frontend: { grpcPort: 7233, membershipPort: 41001, httpPort: 41002 },
    history: { grpcPort: 41003, membershipPort: 41004 },
    matching: { grpcPort: 41005, membershipPort: 41006 },
    worker: { grpcPort: 41007, membershipPort: 41008 },
  };
  const config = temporalServerConfig({ adminUrl: 'postgres://post%40gres:p%3Ass@db.internal:6543/postgres', ports });

  it("points both stores at Segflow's PostgreSQL server, in Temporal's own databases, with decoded credentials", () => {
    const stores = Object.values(config.persistence.datastores).map((s: any) => [
      s.sql.databaseName,
      s.sql.connectAddr,
      s.sql.user,
      s.sql.password,
      s.sql.pluginName,
    ]);
    expect(stores).toEqual([
      ['temporal', 'db.internal:6543', 'post@gres', 'p:ss', 'postgres12'],
      ['temporal_visibility', 'db.internal:6543', 'post@gres', 'p:ss', 'postgres12'],
    ]);
  });

  it('serves the frontend on the given port and every other service on its own, loopback only', () => {
    expect(config.services.frontend.rpc).toEqual({ bindOnLocalHost: true, ...ports.frontend });
    expect(config.services.history.rpc).toEqual({ bindOnLocalHost: true, ...ports.history });
    expect(config.clusterMetadata.clusterInformation.active.rpcAddress).toBe('127.0.0.1:7233');
  });

  it('reads the dynamic config start-dev and docker-compose.yml use', () => {
    expect(config.dynamicConfigClient.filepath).toBe(DYNAMIC_CONFIG_FILE);
  });
});
