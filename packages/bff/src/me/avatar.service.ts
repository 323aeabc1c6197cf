import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { AVATAR_MAX_BYTES, AVATAR_SIZE, isUuid } from '@roster/shared';
import type { DB } from '../db/types.ts';
import { notFound, ProblemError } from '../errors.ts';
import * as queries from './avatar.queries.ts';

type ImageFormat = 'png' | 'jpeg' | 'webp';

/**
 * What the bytes are, by their signature: the name and the Content-Type are the sender's word, and
 * SVG or HTML (which could run script where a picture is shown) never gets this far.
 */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const starts = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts([0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  return null;
}

/**
 * A picture may be at most 1 MB, but a small PNG can claim to be huge ("decompression bomb"): the
 * decoder refuses anything above this many pixels (a 6000 × 6000 photo) before allocating it.
 */
const MAX_INPUT_PIXELS = 36_000_000;

/**
 * Re-encodes to a square WebP of AVATAR_SIZE, centred crop, turned upright as its EXIF says first.
 * sharp writes no metadata unless asked, so EXIF (location, camera), XMP, ICC and comments are gone.
 */
async function reencode(bytes: Uint8Array, format: ImageFormat): Promise<Buffer> {
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const { format: decoded } = await image.metadata();
    if (decoded !== format) throw new Error(`the signature says ${format}, the decoder ${decoded}`);
    return await image
      .rotate()
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover', position: 'centre' })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new ProblemError(400, 'invalid_image', 'This picture cannot be read', {
      detail: 'The file is damaged or too large in pixels; try another PNG, JPEG or WebP.',
    });
  }
}

export const imageTooLarge = () =>
  new ProblemError(413, 'image_too_large', 'The picture is too large', { detail: 'Choose a picture of at most 1 MB.' });

/** Takes an uploaded PNG, JPEG or WebP (≤ 1 MB, checked by its bytes) as the person's picture. */
export async function setAvatar(db: Kysely<DB>, userId: string, bytes: Uint8Array, now: Date) {
  if (bytes.byteLength > AVATAR_MAX_BYTES) throw imageTooLarge();
  const format = sniffImageFormat(bytes);
  if (!format) {
    throw new ProblemError(415, 'unsupported_image', 'This file is not a PNG, JPEG or WebP picture');
  }
  const image = await reencode(bytes, format);
  const hash = createHash('sha256').update(image).digest('hex').slice(0, 32);
  await queries.saveAvatar(db, userId, { hash, image, now });
}

/** Back to initials (or to the host's picture, if it gave one). */
export async function removeAvatar(db: Kysely<DB>, userId: string) {
  await queries.deleteAvatar(db, userId);
}

/** The bytes behind a picture URL: 404 once the picture was replaced or removed. */
export async function readAvatar(db: Kysely<DB>, userId: string, hash: string): Promise<Uint8Array<ArrayBuffer>> {
  const row = isUuid(userId) && /^[0-9a-f]{32}$/.test(hash) ? await queries.findAvatar(db, userId, hash) : undefined;
  if (!row) throw notFound('No such picture');
  return new Uint8Array(row.image);
}
