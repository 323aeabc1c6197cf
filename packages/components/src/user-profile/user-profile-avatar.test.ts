import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ProfileUpdatedEvent } from '../events.ts';
import { shadowOf, testApi } from '../test-support/test-api.ts';
import type { UserProfile } from './user-profile.ts';
import { $, deepActiveElement, meOf, openProfile, textOf } from './user-profile.test-support.ts';

/** This file's own BFF and database (see web-test-runner.config.ts). */
const api = testApi(import.meta.url);

/** A real small PNG, drawn on a canvas: a blue square with an orange disc. */
async function drawnPng(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 64;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#0969da';
  context.fillRect(0, 0, 64, 64);
  context.fillStyle = '#fb8f44';
  context.beginPath();
  context.arc(32, 32, 20, 0, Math.PI * 2);
  context.fill();
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], 'me.png', { type: 'image/png' });
}

/** What the file chooser does once a person picked `file` (the chooser itself is the browser's own). */
function choose(element: UserProfile, file: File) {
  const chooser = $<HTMLInputElement>(element, '#avatar-file');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  chooser.files = transfer.files;
  chooser.dispatchEvent(new Event('change', { bubbles: true }));
}

const avatar = (element: UserProfile) => $(element, '[part="avatar"]');
const buttonLabels = (element: UserProfile) =>
  [...shadowOf(element).querySelectorAll('.picture-controls button')].map((button) => button.textContent!.trim());

describe('<user-profile> picture', () => {
  before(async function () {
    this.timeout(30_000);
    await api.signIn('member@acme.test');
  });

  it('previews a chosen picture, cancels back to the initials, then uploads and removes it by keyboard; axe clean', async () => {
    const user = await meOf(api);
    expect(user.avatarUrl).to.equal(null);
    const initials = `${user.firstName[0]}${user.lastName[0]}`.toUpperCase();
    const element = await openProfile(api);
    expect(avatar(element).textContent!.trim()).to.equal(initials);
    expect(avatar(element).getAttribute('aria-label')).to.equal(`No picture: your initials, ${initials}`);
    expect(buttonLabels(element)).to.deep.equal([]);

    choose(element, await drawnPng());
    await element.updateComplete;
    const preview = avatar(element) as HTMLImageElement;
    expect(preview.src).to.match(/^blob:/);
    expect(preview.alt).to.equal('Preview of the chosen picture');
    await waitUntil(() => preview.complete && preview.naturalWidth === 64, 'the preview did not show');
    expect(textOf(element, 'figcaption')).to.equal('Not saved yet');
    expect(buttonLabels(element)).to.deep.equal(['Upload', 'Cancel']);
    await expect(element).to.be.accessible();

    // Cancel: nothing was sent, the initials are back and the chooser has focus.
    $<HTMLButtonElement>(element, '.cancel').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === $(element, '#avatar-file'), 'focus did not return to the chooser');
    expect(avatar(element).textContent!.trim()).to.equal(initials);
    expect($<HTMLInputElement>(element, '#avatar-file').value).to.equal('');
    expect((await meOf(api)).avatarUrl).to.equal(null);

    choose(element, await drawnPng());
    await element.updateComplete;
    // From the chooser, Tab reaches Upload.
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(element, '.upload'));
    const uploaded = oneEvent(element, 'profile-updated') as Promise<ProfileUpdatedEvent>;
    await sendKeys({ press: 'Enter' });
    const { avatarUrl } = (await uploaded).detail.user;
    expect(avatarUrl).to.match(new RegExp(`^${api.base}/avatars/${user.id}/`));
    expect((await meOf(api)).avatarUrl).to.equal(avatarUrl);
    await waitUntil(() => textOf(element, '#avatar-status') === 'Your new picture is saved.', 'no status after uploading', { timeout: 5000 });
    const saved = avatar(element) as HTMLImageElement;
    expect(saved.getAttribute('src')).to.equal(avatarUrl);
    expect(saved.alt).to.equal('Your picture');
    await waitUntil(() => saved.complete && saved.naturalWidth === 256, 'the saved picture (re-encoded at 256 px) did not show');
    expect(buttonLabels(element)).to.deep.equal(['Remove picture']);
    expect(deepActiveElement()).to.equal($(element, '#avatar-file'));
    await expect(element).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(element, '.remove'));
    const removed = oneEvent(element, 'profile-updated') as Promise<ProfileUpdatedEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await removed).detail.user.avatarUrl).to.equal(null);
    await waitUntil(() => textOf(element, '#avatar-status') === 'Your picture is removed; your initials show instead.', 'no status after removing', { timeout: 5000 });
    expect(avatar(element).textContent!.trim()).to.equal(initials);
    expect((await meOf(api)).avatarUrl).to.equal(null);
    expect(deepActiveElement()).to.equal($(element, '#avatar-file'));
  });

  it('says so when the file is not a picture or is over 1 MB, keeping the choice to cancel', async () => {
    const element = await openProfile(api);
    let events = 0;
    element.addEventListener('profile-updated', () => events++);

    choose(element, new File(['just some notes'], 'notes.png', { type: 'image/png' }));
    await waitUntil(() => textOf(element, '.no-preview') === 'No preview', 'a file the browser cannot show still had a preview');
    $<HTMLButtonElement>(element, '.upload').click();
    await waitUntil(() => $(element, '[part="error"]'), 'no refusal shown', { timeout: 5000 });
    expect($(element, '[part="error"]').getAttribute('role')).to.equal('alert');
    expect(textOf(element, '[part="error"]')).to.equal('This file is not a PNG, JPEG or WebP picture. Choose another.');
    expect(buttonLabels(element)).to.deep.equal(['Upload', 'Cancel']);
    await expect(element).to.be.accessible();

    // A PNG signature in front of more than 1 MB: the server stops reading at its limit.
    const large = new Uint8Array(1024 * 1024 + 1);
    large.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    choose(element, new File([large], 'large.png', { type: 'image/png' }));
    await element.updateComplete;
    expect(shadowOf(element).querySelector('[part="error"]')).to.equal(null);
    $<HTMLButtonElement>(element, '.upload').click();
    await waitUntil(() => textOf(element, '[part="error"]') === 'This picture is larger than 1 MB. Choose a smaller one.', 'no refusal for a large file', { timeout: 5000 });

    $<HTMLButtonElement>(element, '.cancel').click();
    await element.updateComplete;
    expect(shadowOf(element).querySelector('[part="error"]')).to.equal(null);
    expect(events).to.equal(0);
    expect((await meOf(api)).avatarUrl).to.equal(null);
  });
});
