import fs from 'node:fs'
import path from 'node:path'
import { S3Client } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import type { OffsiteSettings } from '../env.ts'

/** Archives above one part go up in parts of this size (S3, OSS and COS all take 5 MB–5 GB parts). */
const PART_SIZE = 16 * 1024 * 1024

/**
 * Copies an archive to S3-compatible object storage (Alibaba Cloud OSS, Tencent Cloud COS, MinIO, AWS S3) and
 * returns its key. Checksums are sent only where S3 requires them: the SDK's default trailing CRC checksums
 * (aws-chunked uploads) are not understood by every S3-compatible service.
 */
export async function copyOffsite(file: string, settings: OffsiteSettings): Promise<string> {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const key = `${settings.prefix}${path.basename(file)}`
  try {
    await new Upload({
      client,
      partSize: PART_SIZE,
      queueSize: 2,
      params: {
        Bucket: settings.bucket,
        Key: key,
        Body: fs.createReadStream(file),
        ContentType: 'application/gzip',
      },
    }).done()
    return key
  } finally {
    client.destroy()
  }
}
