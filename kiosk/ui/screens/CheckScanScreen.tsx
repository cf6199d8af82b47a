// 核验证明: hold the paper's QR under the scanner. Drawn like the card reader: a paper with its code settling
// over the scanner's window below the screen.

import { Icon } from '../components/Icon';
import { CancelButton } from '../components/CancelButton';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';

export function CheckScanScreen() {
  return (
    <ScreenFrame title={strings.checkScanTitle} subtitle={strings.checkScanHint} class="screen-check-scan" left={<CancelButton />}>
      <div class="card-animation" aria-hidden="true">
        <div class="reader">
          <span class="reader-label">
            <Icon name="qr" />
          </span>
        </div>
        <div class="id-card check-paper">
          <span class="check-paper-code">
            <Icon name="qr" />
          </span>
        </div>
      </div>
    </ScreenFrame>
  );
}
