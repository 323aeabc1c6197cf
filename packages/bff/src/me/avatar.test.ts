import { crc32, deflateSync } from 'node:zlib';
import { Hono } from 'hono';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { addMember, createAccount, createUser, ORIGIN, signInAs } from '../testing/fixtures.ts';
import { useTestApp } from '../testing/test-app.ts';

const { database, app } = useTestApp();

const picture = (width = 600, height = 400) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } });
/** A camera photo: EXIF with a place in it, XMP, an ICC profile. */
const photo = () =>
  picture()
    .jpeg()
    .withExif({ IFD0: { ImageDescription: 'Taken at 51.5007N 0.1246W', Copyright: 'Secret Holiday Place' } })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Secret Creator</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>')
    .withIccProfile('p3')
    .toBuffer();

/**
 * A valid black PNG of `width` × `height` (RGB, every row unfiltered), built by hand: a large
 * picture of one colour compresses about 1000:1, so it stays under 1 MB however many pixels it has.
 */
function blackPng(width: number, height: number) {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(height * (1 + width * 3)), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let n = 0;
async function person() {
  n++;
  const email = `pic${n}@example.test`;
  const userId = await createUser(database.db, { email });
  return { email, userId, auth: await signInAs(app, email) };
}
const upload = (auth: { cookie: string }, body: Uint8Array, type = 'application/octet-stream', via: Pick<Hono, 'request'> = app, path = '/me/avatar') =>
  via.request(path, { method: 'PUT', headers: { cookie: auth.cookie, origin: ORIGIN, 'content-type': type }, body: new Uint8Array(body) });

describe('PUT /me/avatar', () => {
  it('re-encodes a photo to a 256 px square WebP without any of its metadata, served with a content hash and long caching', async () => {
    const { auth, userId } = await person();
    const response = await upload(auth, await photo(), 'image/jpeg');
    expect(response.status).toBe(200);
    const avatarUrl: string = (await response.json()).user.avatarUrl;
    expect(avatarUrl).toMatch(new RegExp(`^/avatars/${userId}/[0-9a-f]{32}$`));

    const served = await app.request(avatarUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await served.arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 256, height: 256 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    for (const secret of ['51.5007N', 'Secret Holiday Place', 'Secret Creator']) expect(bytes.includes(secret)).toBe(false);
  });

  it.each([
    ['PNG', () => picture(300, 900).png().toBuffer()],
    ['WebP', () => picture(256, 256).webp().toBuffer()],
  ])('takes a %s, whatever Content-Type it came with', async (_, make) => {
    const { auth } = await person();
    const response = await upload(auth, await make(), 'text/html');
    expect(response.status).toBe(200);
    const served = await app.request((await response.json()).user.avatarUrl);
    expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width: 256, height: 256 });
  });

  it.each([
    ['SVG sent as a PNG', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>', 'image/png'],
    ['HTML sent as a JPEG', '<!doctype html><script>alert(1)</script>', 'image/jpeg'],
    ['a GIF', 'GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'image/gif'],
    ['nothing at all', '', 'image/png'],
  ])('refuses %s by its bytes: 415', async (_, body, type) => {
    const { auth, userId } = await person();
    const response = await upload(auth, new TextEncoder().encode(body), type);
    expect(response.status).toBe(415);
    expect((await response.json()).code).toBe('unsupported_image');
    expect(await database.db.selectFrom('user_avatars').select('hash').where('user_id', '=', userId).execute()).toEqual([]);
  });

  it('refuses a damaged picture, a JPEG signature on PNG bytes, and a decompression bomb: 400', async () => {
    const { auth } = await person();
    const png = await picture().png().toBuffer();
    const damaged = png.subarray(0, 60);
    const disguised = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), png]);
    // 36.6 million pixels (110 MB decoded) in well under 1 MB.
    const bomb = blackPng(6100, 6000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    for (const body of [damaged, disguised, bomb]) {
      const response = await upload(auth, body, 'image/png');
      expect(response.status).toBe(400);
      expect((await response.json()).code).toBe('invalid_image');
    }
  });

  it('refuses more than 1 MB: 413, and takes exactly 1 MB', async () => {
    const { auth } = await person();
    const png = await picture(64, 64).png().toBuffer();
    // Bytes after IEND are ignored by decoders: a valid PNG padded to the limit.
    const padded = (size: number) => Buffer.concat([png, Buffer.alloc(size - png.length)]);
    const tooLarge = await upload(auth, padded(1024 * 1024 + 1), 'image/png');
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).code).toBe('image_too_large');
    expect((await upload(auth, padded(1024 * 1024), 'image/png')).status).toBe(200);
  });

  it('a new picture gets a new URL and the old one stops working; DELETE returns to initials', async () => {
    const { auth } = await person();
    const first = (await (await upload(auth, await picture().png().toBuffer())).json()).user.avatarUrl;
    const secondResponse = await upload(auth, await sharp({ create: { width: 50, height: 50, channels: 3, background: '#0a0' } }).png().toBuffer());
    const second = (await secondResponse.json()).user.avatarUrl;
    expect(second).not.toBe(first);
    expect((await app.request(first)).status).toBe(404);
    expect((await app.request(second)).status).toBe(200);

    const removed = await app.request('/me/avatar', { method: 'DELETE', headers: { cookie: auth.cookie, origin: ORIGIN } });
    expect(removed.status).toBe(200);
    expect((await removed.json()).user.avatarUrl).toBeNull();
    const gone = await app.request(second);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/avatars/not-a-user/0123')).status).toBe(404);
  });

  it('401 signed out, 403 from a foreign page', async () => {
    const { auth } = await person();
    const png = new Uint8Array(await picture().png().toBuffer());
    expect((await app.request('/me/avatar', { method: 'PUT', body: png })).status).toBe(401);
    const foreign = await app.request('/me/avatar', { method: 'PUT', headers: { cookie: auth.cookie, origin: 'https://evil.test' }, body: png });
    expect(foreign.status).toBe(403);
  });
});

describe('avatarUrl elsewhere', () => {
  it("points the users list and details at the uploaded picture, under the host's mount path; else the host's picture URL", async () => {
    const account = await createAccount(database.db, `Pictures ${n}`);
    const admin = await person();
    const other = await person();
    await addMember(database.db, { accountId: account.id, userId: admin.userId, groupIds: [account.adminGroupId] });
    await addMember(database.db, { accountId: account.id, userId: other.userId, groupIds: [] });
    await database.db.updateTable('users').set({ avatar_url: 'https://host.example/people/7.png' }).where('id', '=', other.userId).execute();

    const host = new Hono().route('/api', app);
    const uploaded = await upload(admin.auth, await picture().png().toBuffer(), 'image/png', host, '/api/me/avatar');
    const avatarUrl: string = (await uploaded.json()).user.avatarUrl;
    expect(avatarUrl).toMatch(new RegExp(`^/api/avatars/${admin.userId}/[0-9a-f]{32}$`));
    expect((await host.request(avatarUrl)).headers.get('content-type')).toBe('image/webp');

    const list = await (await host.request(`/api/accounts/${account.id}/users`, { headers: { cookie: admin.auth.cookie } })).json();
    const urls = Object.fromEntries(list.items.map((i: { id: string; avatarUrl: string | null }) => [i.id, i.avatarUrl]));
    expect(urls).toEqual({ [admin.userId]: avatarUrl, [other.userId]: 'https://host.example/people/7.png' });
    const details = await (await host.request(`/api/accounts/${account.id}/users/${admin.userId}`, { headers: { cookie: admin.auth.cookie } })).json();
    expect(details.avatarUrl).toBe(avatarUrl);
  });
});
