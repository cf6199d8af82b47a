// One certificate as it will print. The only place the full name and ID number are on screen.

import type { DocumentPreview } from '../../session/session-view';
import { strings } from '../strings';
import { T } from './Bi';

export function DocumentSheet({ doc }: { doc: DocumentPreview }) {
  return (
    <article class="sheet" data-document={doc.certId}>
      <h2 class="sheet-title">{doc.title}</h2>
      <p class="sheet-issuer">{doc.issuerName}</p>
      <dl class="sheet-holder">
        <div>
          <dt>
            <T text={strings.holderName} />
          </dt>
          <dd data-field="holderName">{doc.holderName}</dd>
        </div>
        <div>
          <dt>
            <T text={strings.holderIdNumber} />
          </dt>
          <dd data-field="holderIdNumber">{doc.holderIdNumber}</dd>
        </div>
      </dl>
      <p class="sheet-statement">{doc.statement}</p>
      <dl class="sheet-fields">
        {doc.fields.map((field) => (
          <div key={field.label}>
            <dt>{field.label}</dt>
            <dd>{field.value}</dd>
          </div>
        ))}
      </dl>
      <dl class="sheet-meta">
        <div>
          <dt>
            <T text={strings.certId} />
          </dt>
          <dd>{doc.certId}</dd>
        </div>
        <div>
          <dt>
            <T text={strings.issuedOn} />
          </dt>
          <dd>{doc.issuedOn}</dd>
        </div>
        <div>
          <dt>
            <T text={strings.validUntil} />
          </dt>
          <dd>{doc.validUntil}</dd>
        </div>
      </dl>
    </article>
  );
}
