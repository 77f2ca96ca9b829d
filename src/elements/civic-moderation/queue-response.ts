import { html, nothing, type TemplateResult } from 'lit';
import type { ModerationComment } from '../../contract/index.js';
import type { ModerationStrings } from '../../i18n/features/moderation.js';

/**
 * What the queue shows of a response, above the moderator's actions: who sent it and their email,
 * its section, page and time, its status and who may see it, a receipt that failed, its reference
 * and organisation, its text, and what readers said when they reported it. Reader text is shown as
 * text only.
 */
export function renderResponse(item: ModerationComment, nameId: string, strings: ModerationStrings): TemplateResult {
  const date = new Date(item.createdAt);
  return html`
    <p class="meta">
      <strong class="author" id=${nameId}>${item.name || strings.nameRemoved}</strong>
      <span class="email">${item.email}</span>
    </p>
    <p class="meta">
      <span>${strings.sectionOf(item.section)}</span>
      <span>${item.page}</span>
      <time datetime=${item.createdAt}>${Number.isNaN(date.getTime()) ? '' : strings.formatDateTime(date)}</time>
    </p>
    <p class="meta">
      <strong class="tag ${item.status}">${strings.statuses[item.status]}</strong>
      ${
        item.visibility === 'private'
          ? html`<strong class="tag private">${strings.privateTag}</strong>`
          : html`<span class="visibility">${strings.visibilities[item.visibility]}</span>`
      }
      ${item.receipt === 'failed' ? html`<strong class="tag rejected">${strings.receiptFailed}</strong>` : nothing}
    </p>
    ${
      item.reference || item.organisation
        ? html`<p class="meta">
          ${item.reference ? html`<span class="reference">${item.reference}</span>` : nothing}
          ${item.organisation ? html`<span>${strings.onBehalfOf(item.organisation)}</span>` : nothing}
        </p>`
        : nothing
    }
    <p class="body">${item.body}</p>
    ${item.reports?.unreviewed ? renderReports(item.reports, strings) : nothing}
  `;
}

/** What readers said when they reported a comment, shown until a moderator decides. */
function renderReports(reports: NonNullable<ModerationComment['reports']>, strings: ModerationStrings): TemplateResult {
  return html`<div class="reports" part="reports">
    <p class="meta"><strong class="tag rejected">${strings.reportedBy(reports.unreviewed, reports.count)}</strong></p>
    ${
      reports.reasons.length
        ? html`<p class="hint">${strings.reasonsLabel}</p>
          <ul class="reasons">
            ${reports.reasons.map((reason) => html`<li>${reason}</li>`)}
          </ul>`
        : nothing
    }
  </div>`;
}
