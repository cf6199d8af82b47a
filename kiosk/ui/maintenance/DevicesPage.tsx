// 设备状态: one tile per device with its state word and facts, and the gateway line. Each tile says in
// words (and an icon) whether the device works: colour is never the only signal.

import type { DeviceLine, GatewayLine, MaintenanceData } from '../../maintenance/maintenance-view';
import { Bi } from '../components/Bi';
import { Icon } from '../components/Icon';
import { dateTime } from '../shanghai-time';
import { strings } from '../strings';
import { Fact } from './Fact';
import { deviceLabel } from './maintenance-labels';
import { StatusBadge } from './StatusBadge';

export function DevicesPage({ data }: { data: MaintenanceData }) {
  return (
    <div class="maint-tiles">
      {data.devices.map((line) => (
        <DeviceTile key={line.device} line={line} />
      ))}
      <GatewayTile gateway={data.gateway} />
    </div>
  );
}

function DeviceTile({ line }: { line: DeviceLine }) {
  const status = !line.configured ? 'neutral' : line.usable ? 'good' : 'bad';
  const label = !line.configured ? strings.deviceNotConfigured : line.usable ? strings.deviceUsable : strings.deviceUnusable;
  return (
    <section class={`maint-tile maint-tile-${status}`} data-device={line.device} data-usable={String(line.usable)}>
      <h2>
        <Bi text={deviceLabel[line.device]} />
      </h2>
      <StatusBadge status={status} label={label} />
      {line.configured && (
        <dl class="maint-facts">
          <Fact name={strings.deviceState} value={line.state} />
          {line.facts.map((fact) => (
            <div key={fact.name}>
              <dt>{fact.name}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function GatewayTile({ gateway }: { gateway: GatewayLine }) {
  const status = gateway.available ? 'good' : 'bad';
  return (
    <section class={`maint-tile maint-tile-${status}`} data-device="gateway" data-usable={String(gateway.available)}>
      <h2>
        <Bi text={strings.gateway} />
      </h2>
      <StatusBadge status={status} label={gateway.available ? strings.gatewayAvailable : strings.gatewayUnavailable} />
      {gateway.trustListStale && (
        <p class="notice notice-warning" data-trust-list-stale="true">
          <Icon name="alert" />
          <Bi text={strings.trustListStale} />
        </p>
      )}
      {gateway.trustListTest && (
        <p class="notice notice-warning" data-trust-list-test="true">
          <Icon name="alert" />
          <Bi text={strings.trustListTest} />
        </p>
      )}
      <dl class="maint-facts">
        <Fact name={strings.breaker} value={gateway.breaker} />
        <Fact name={strings.clockOffset} value={gateway.clockOffsetMs === null ? '—' : `${gateway.clockOffsetMs} ms`} />
        <Fact name={strings.trustListVersion} value={gateway.trustListVersion} />
        <Fact name={strings.trustListNextUpdate} value={dateTime(gateway.trustListNextUpdate)} />
        <Fact name={strings.templateVersion} value={gateway.templateVersion} />
      </dl>
    </section>
  );
}
