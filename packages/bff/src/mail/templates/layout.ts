import { escapeHtml } from './escape-html.ts';

/** One piece of an email's body: a paragraph, a bulleted list, or the link the email is about. */
export type Block = string | { list: string[] } | { action: string; url: string };

/** What a language writes for one email; the layout turns it into text and HTML alike. */
export interface EmailContent {
  subject: string;
  blocks: Block[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Both bodies come from the same blocks, and every string is escaped here, once: a template cannot
 * forget to escape a name because templates never write HTML.
 */
export function renderLayout(content: EmailContent, lang: string): RenderedEmail {
  // A header must stay on one line whatever the account is called.
  const subject = content.subject.replace(/\s+/g, ' ').trim();
  return { subject, text: renderText(content.blocks), html: renderHtml(subject, content.blocks, lang) };
}

function renderText(blocks: Block[]): string {
  const parts = blocks.map((block) => {
    if (typeof block === 'string') return block;
    if ('list' in block) return block.list.map((item) => `- ${item}`).join('\n');
    return `${block.action}\n${block.url}`;
  });
  return `${parts.join('\n\n')}\n`;
}

function renderHtml(subject: string, blocks: Block[], lang: string): string {
  const body = blocks.map((block) => {
    if (typeof block === 'string') return `<p>${escapeHtml(block)}</p>`;
    if ('list' in block) return `<ul>${block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    const url = escapeHtml(block.url);
    return (
      `<p><a href="${url}" style="display:inline-block;padding:10px 18px;border-radius:6px;` +
      `background:#0969da;color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(block.action)}</a></p>` +
      `<p style="font-size:13px;color:#59636e;word-break:break-all"><a href="${url}" style="color:#0969da">${url}</a></p>`
    );
  });
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,\'Segoe UI\',Roboto,sans-serif;font-size:15px;line-height:1.5;color:#1f2328">',
    `<div style="max-width:560px;margin:0 auto">${body.join('')}</div>`,
    '</body>',
    '</html>',
  ].join('\n');
}
