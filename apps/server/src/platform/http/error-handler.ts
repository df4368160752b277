import { errorMessages } from '@fazhi/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, isUniqueViolation } from '../errors';

type Issue = { path: string; message: string };

function send(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: keyof typeof errorMessages,
  message?: string,
  details?: unknown,
) {
  return reply
    .status(status)
    .send({ code, message: message ?? errorMessages[code].zh, details, requestId: req.id });
}

/** Errors become `{ code, message, details, requestId }`; anything the client got wrong is a 4xx, never a 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return send(reply, req, err.status, err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues: Issue[] = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath.replace(/\//g, '.')}`,
        message: v.message ?? '无效',
      }));
      const first = issues[0];
      return send(
        reply,
        req,
        400,
        'VALIDATION_FAILED',
        first ? `${errorMessages.VALIDATION_FAILED.zh}：${first.path} ${first.message}` : undefined,
        { issues },
      );
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response failed its schema');
      return send(reply, req, 500, 'INTERNAL');
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, req, 400, 'MALFORMED_JSON');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_FILES_LIMIT':
        return send(reply, req, 413, 'BODY_TOO_LARGE');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return send(reply, req, 415, 'UNSUPPORTED_MEDIA_TYPE');
      default:
    }
    if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
      return send(reply, req, 400, 'MALFORMED_JSON');
    if (err.statusCode === 429) return send(reply, req, 429, 'RATE_LIMITED');
    if (isUniqueViolation(err)) return send(reply, req, 409, 'DUPLICATE');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(
        reply,
        req,
        err.statusCode,
        'VALIDATION_FAILED',
        `${errorMessages.VALIDATION_FAILED.zh}（${err.message}）`,
      );
    }
    req.log.error({ err }, 'unhandled error');
    return send(reply, req, 500, 'INTERNAL');
  });
}
