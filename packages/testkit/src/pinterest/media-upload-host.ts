import type { Clock } from '@smm/core/clock';
import { createSimulatorEngine, type SimRequest, type SimulatorServing } from '../simulator/index.js';

/** The signed form fields of one registered upload, as `POST /v5/media` hands them out. */
export type UploadForm = Record<string, string>;

/** What the upload host knows of the uploads Pinterest registered. @internal */
export interface MediaUploadRegistry {
  /** The form fields (`key`, `policy`, `x-amz-*`) a registered upload must send back, by `key`. */
  formOf(key: string): UploadForm | undefined;
  /** The upload with `key` received its file of `bytes` bytes. */
  received(key: string, bytes: number): void;
}

// S3 answers in XML (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
const s3Error = (status: number, code: string, message: string) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`, {
    status,
    headers: { 'content-type': 'application/xml' },
  });

/**
 * The host `upload_url` points at: Pinterest's media uploads go to an S3 bucket
 * (`https://pinterest-media-upload.s3-accelerate.amazonaws.com/`) as a browser-style POST
 * (https://developers.pinterest.com/docs/content/update/ — "make an HTTP POST request to
 * upload_url … include all of the parameters from upload_parameters", answered `204 No Content`;
 * S3's POST Object rules: https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html).
 * A form whose signed fields differ from the registered ones is refused `403 AccessDenied`, a
 * form without exactly one `file` `400 InvalidArgument`; the host takes no bearer token and
 * refuses one, so a Pinterest token never travels to it.
 */
export function createMediaUploadHost(options: { clock: Clock; baseUrl: string; registry: MediaUploadRegistry }): SimulatorServing {
  const upload = (request: SimRequest): Response => {
    if (request.headers.authorization) {
      return s3Error(
        400,
        'InvalidArgument',
        'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
      );
    }
    if (!request.headers['content-type']?.toLowerCase().startsWith('multipart/form-data')) {
      return s3Error(412, 'PreconditionFailed', 'Bucket POST must be of the enclosure-type multipart/form-data');
    }
    const fields = (request.body ?? {}) as Record<string, unknown>;
    const form = typeof fields.key === 'string' ? options.registry.formOf(fields.key) : undefined;
    if (!form)
      return s3Error(403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "uploads/"]');
    for (const [name, value] of Object.entries(form)) {
      if (fields[name] !== value)
        return s3Error(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${value}"]`);
    }
    const file = fields.file as { size?: number } | undefined;
    if (!file || typeof file !== 'object' || typeof file.size !== 'number') {
      return s3Error(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    }
    options.registry.received(fields.key as string, file.size);
    return new Response(null, { status: 204 });
  };
  return createSimulatorEngine({
    platform: 'pinterest-media-upload',
    baseUrl: options.baseUrl,
    clock: options.clock,
    routes: [{ method: 'POST', path: '/', handle: upload }],
    faultResponses: {
      rateLimited: () => s3Error(503, 'SlowDown', 'Please reduce your request rate.'),
      serverError: (_request, status) => s3Error(status, 'InternalError', 'We encountered an internal error. Please try again.'),
      expiredToken: () => s3Error(403, 'AccessDenied', 'Request has expired'),
      notFound: () => s3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.'),
    },
  });
}
