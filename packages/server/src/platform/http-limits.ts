import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { ErrorCode } from "@openclm/contracts";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { errorEnvelope } from "./responses.js";

/** How long the server waits on a client. Every bound is finite, so slow or silent sockets cannot pile up. */
export interface HttpTimeouts {
  /** The whole request, headers and body, must arrive within this (408). Generous: a report sent over 2G. */
  requestMs: number;
  /** The headers must arrive within this (408). */
  headersMs: number;
  /** An idle keep-alive connection is closed after this; above the usual 60 s of proxies in front of us. */
  keepAliveMs: number;
  /** A socket with no traffic either way is closed after this; the live stream's heartbeat stays well inside it. */
  idleSocketMs: number;
}

export const defaultHttpTimeouts: HttpTimeouts = {
  requestMs: 120_000,
  headersMs: 20_000,
  keepAliveMs: 72_000,
  idleSocketMs: 90_000,
};

/** Fastify options for the timeouts, plus Node's own (the header deadline, and how often deadlines are checked). */
export function timeoutOptions(t: HttpTimeouts) {
  return {
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs,
    connectionTimeout: t.idleSocketMs,
    http: {
      headersTimeout: t.headersMs,
      // Node checks the request and header deadlines on this interval (30 s by default, too coarse for short ones).
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(Math.min(t.headersMs, t.requestMs) / 4))),
    },
  };
}

/**
 * Answers a request Node's HTTP parser refused before Fastify saw it (malformed request line or headers, headers
 * too large, too slow) in the error envelope, on the raw socket, and closes the connection.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const [status, code, message]: [number, ErrorCode, string] =
    err.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? [408, "REQUEST_TIMEOUT", "The request took too long to arrive"]
      : err.code === "HPE_HEADER_OVERFLOW"
        ? [431, "HEADERS_TOO_LARGE", "The request headers are too large"]
        : [400, "MALFORMED_REQUEST", "The request is not valid HTTP"];
  const body = JSON.stringify(errorEnvelope(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** Fastify's routing errors, which bypass the error handler: a path that cannot be decoded, a too-long parameter. */
export function frameworkErrors(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === "FST_ERR_BAD_URL") {
    reply.code(400).send(errorEnvelope("MALFORMED_REQUEST", "The address is not valid (bad percent-encoding)"));
  } else if (err.code === "FST_ERR_MAX_PARAM_LENGTH") {
    reply.code(400).send(errorEnvelope("VALIDATION_FAILED", "A part of the address is too long"));
  } else {
    reply.code(500).send(errorEnvelope("INTERNAL", "Something went wrong"));
  }
}
