import {
  anySignal,
  isUserAbortError,
  OpenRouterError,
  raceAbort,
  sleep as defaultSleep,
  UserAbortError,
  type Client,
  type RequestOptions,
  type SleepFunction,
} from "@orkit/openrouter-core";
import {
  videosGenerate,
  videosGetGeneration,
  type VideosGenerateParams,
  type VideosGetGenerationResponse,
} from "@orkit/openrouter-videos";

/**
 * A video generation job, as `GET /videos/{jobId}` (and `POST /videos`) return it.
 *
 * @example
 * ```ts
 * const job: VideoJob = await waitForVideo(client, jobId);
 * console.log(job.status, job.unsigned_urls, job.usage?.cost);
 * ```
 */
export type VideoJob = VideosGetGenerationResponse;

/**
 * A job's `status`: `pending`, `in_progress`, `completed`, `failed`, `cancelled` or `expired`.
 *
 * @example
 * ```ts
 * const status: VideoJobStatus = (await client.videos.getGeneration({ jobId })).status;
 * ```
 */
export type VideoJobStatus = VideoJob["status"];

/**
 * The statuses a job never leaves. Only `completed` is a success.
 *
 * @example
 * ```ts
 * if (VIDEO_TERMINAL_STATUSES.includes(job.status)) stopPolling();
 * ```
 */
export const VIDEO_TERMINAL_STATUSES: readonly VideoJobStatus[] = Object.freeze([
  "completed",
  "failed",
  "cancelled",
  "expired",
] as const);

/**
 * True when the job will not change any more (`completed`, `failed`, `cancelled`, `expired`).
 *
 * @example
 * ```ts
 * const job = await client.videos.getGeneration({ jobId });
 * if (isVideoJobDone(job)) console.log(job.status);
 * ```
 */
export function isVideoJobDone(job: Pick<VideoJob, "status">): boolean {
  return VIDEO_TERMINAL_STATUSES.includes(job.status);
}

/**
 * The job ended without a video: `status` is `failed`, `cancelled` or `expired`; `job.error` holds
 * the server's reason when it gave one.
 *
 * @example
 * ```ts
 * try { await waitForVideo(client, jobId); }
 * catch (e) { if (e instanceof VideoGenerationError) console.log(e.status, e.job.error); }
 * ```
 */
export class VideoGenerationError extends OpenRouterError {
  static override readonly errorName: string = "VideoGenerationError";

  readonly jobId: string;
  readonly status: VideoJobStatus;
  /** The job as last polled. */
  readonly job: VideoJob;

  constructor(job: VideoJob) {
    super(`Video generation ${job.id} ${job.status}${job.error ? `: ${job.error}` : "."}`);
    this.jobId = job.id;
    this.status = job.status;
    this.job = job;
  }
}

/**
 * {@link waitForVideo} gave up after `timeoutMs`. The job itself keeps running on the server: poll it
 * again later with the same `jobId`.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof VideoGenerationTimeoutError) resumeLater(e.jobId); }
 * ```
 */
export class VideoGenerationTimeoutError extends OpenRouterError {
  static override readonly errorName: string = "VideoGenerationTimeoutError";

  readonly jobId: string;
  readonly timeoutMs: number;
  /** The job as last polled, if any poll completed. */
  readonly lastJob: VideoJob | undefined;

  constructor(jobId: string, timeoutMs: number, lastJob: VideoJob | undefined) {
    super(
      `Video generation ${jobId} did not finish within ${timeoutMs} ms` +
        (lastJob ? ` (last status: ${lastJob.status}).` : "."),
    );
    this.jobId = jobId;
    this.timeoutMs = timeoutMs;
    this.lastJob = lastJob;
  }
}

/**
 * How {@link waitForVideo} polls.
 *
 * @example
 * ```ts
 * const options: WaitForVideoOptions = { intervalMs: 5000, maxIntervalMs: 30_000, timeoutMs: 20 * 60_000 };
 * await waitForVideo(client, jobId, options);
 * ```
 */
export interface WaitForVideoOptions {
  /** Delay before the second poll. @default 2000 */
  intervalMs?: number;
  /** Upper bound of the delay between polls. @default 15000 */
  maxIntervalMs?: number;
  /** Each delay is the previous one times this. @default 1.5 */
  factor?: number;
  /** Give up (with {@link VideoGenerationTimeoutError}) after this long. `Infinity` waits forever. @default 600000 (10 minutes) */
  timeoutMs?: number;
  /** Stops waiting (with core's `UserAbortError`, `cause` = the reason); also aborts an in-flight poll. */
  signal?: AbortSignal;
  /** How to wait between polls; inject a fake in tests. Also raced against the abort signal. @default a setTimeout-based, abort-aware sleep */
  sleep?: SleepFunction;
  /** Called with every polled job (terminal ones included), and the 1-based poll number. */
  onProgress?: (job: VideoJob, poll: number) => void | Promise<void>;
  /** Request options of each poll (headers, retries, per-attempt timeout, …). */
  requestOptions?: RequestOptions;
}

/**
 * Polls a video generation job (`GET /videos/{jobId}`) until it reaches a terminal status, with
 * exponential backoff: delays `intervalMs`, ×`factor` each time, capped at `maxIntervalMs`
 * (2 s, 3 s, 4.5 s, … 15 s by default). Resolves with the `completed` job (its `unsigned_urls`
 * hold the video); throws {@link VideoGenerationError} for `failed`/`cancelled`/`expired`,
 * {@link VideoGenerationTimeoutError} after `timeoutMs`, core's `UserAbortError` when `signal`
 * aborts, and API errors of a poll (after the client's own retries) unchanged.
 *
 * @example
 * ```ts
 * const job = await waitForVideo(client, "job-abc123", {
 *   onProgress: (job) => console.log(job.status),
 *   signal: AbortSignal.timeout(300_000),
 * });
 * console.log(job.unsigned_urls?.[0]);
 * ```
 */
export function waitForVideo(
  client: Client,
  jobId: string,
  options: WaitForVideoOptions = {},
): Promise<VideoJob> {
  return pollVideo(client, jobId, options, false);
}

/** The polling loop; `justCreated` waits one backoff step before the first poll. */
async function pollVideo(
  client: Client,
  jobId: string,
  options: WaitForVideoOptions,
  justCreated: boolean,
): Promise<VideoJob> {
  const intervalMs = options.intervalMs ?? 2000;
  const maxIntervalMs = options.maxIntervalMs ?? 15_000;
  const factor = options.factor ?? 1.5;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const sleep = options.sleep ?? defaultSleep;
  if (!(intervalMs >= 0) || !(maxIntervalMs >= 0) || !(factor >= 1) || !(timeoutMs > 0)) {
    throw new RangeError(
      "waitForVideo: intervalMs and maxIntervalMs must be ≥ 0, factor ≥ 1 and timeoutMs > 0.",
    );
  }

  // Linked through core's anySignal, whose dispose() (in `finally`) takes our listeners off the
  // caller's signals: they may outlive this wait (an app-wide shutdown signal).
  const user = anySignal([options.signal, options.requestOptions?.signal]);
  const deadline = new AbortController();
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => deadline.abort(new Error("timeout")), timeoutMs)
    : undefined;
  const { signal, dispose } = anySignal([user.signal, deadline.signal]);
  const requestOptions: RequestOptions = { ...options.requestOptions, signal };
  let lastJob: VideoJob | undefined;

  const stopped = (error?: unknown): unknown => {
    if (user.signal.aborted) {
      return isUserAbortError(error)
        ? error
        : new UserAbortError("Waiting for the video was aborted.", {
            cause: user.signal.reason,
          });
    }
    if (deadline.signal.aborted) return new VideoGenerationTimeoutError(jobId, timeoutMs, lastJob);
    return error;
  };

  try {
    let next = intervalMs;
    let wait = 0;
    const step = () => {
      wait = Math.min(next, maxIntervalMs);
      next = Math.min(next * factor, maxIntervalMs);
    };
    if (justCreated) step();
    for (let poll = 1; ; poll++) {
      if (signal.aborted) throw stopped();
      if (wait > 0) {
        try {
          await raceAbort(sleep(wait, signal), signal);
        } catch (error) {
          throw stopped(error);
        }
      }
      let job: VideoJob;
      try {
        job = await videosGetGeneration(client, { jobId }, requestOptions);
      } catch (error) {
        throw stopped(error);
      }
      lastJob = job;
      await options.onProgress?.(job, poll);
      if (job.status === "completed") return job;
      if (isVideoJobDone(job)) throw new VideoGenerationError(job);
      step();
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    dispose();
    user.dispose();
  }
}

/**
 * Creates a video generation job (`POST /videos`) and waits for it like {@link waitForVideo}. The
 * creation counts as poll 0 (reported to `onProgress` with `poll` 0), so the first GET comes
 * `intervalMs` after it and the backoff continues from there. `timeoutMs` covers the waiting, not
 * the creation request; `signal` covers both.
 *
 * @example
 * ```ts
 * const job = await generateVideo(
 *   client,
 *   { model: "google/veo-3.1", prompt: "A red fox running through snow", duration: 8 },
 *   { onProgress: (job) => console.log(job.status) },
 * );
 * console.log(job.unsigned_urls);
 * ```
 */
export async function generateVideo(
  client: Client,
  params: VideosGenerateParams,
  waitOptions: WaitForVideoOptions = {},
): Promise<VideoJob> {
  const linked =
    waitOptions.signal || waitOptions.requestOptions
      ? anySignal([waitOptions.signal, waitOptions.requestOptions?.signal])
      : undefined;
  const requestOptions: RequestOptions | undefined = linked && {
    ...waitOptions.requestOptions,
    signal: linked.signal,
  };
  let created: VideoJob;
  try {
    created = await videosGenerate(client, params, requestOptions);
  } catch (error) {
    if (waitOptions.signal?.aborted && !isUserAbortError(error)) {
      throw new UserAbortError("Creating the video was aborted.", {
        cause: waitOptions.signal.reason,
      });
    }
    throw error;
  } finally {
    linked?.dispose();
  }
  await waitOptions.onProgress?.(created, 0);
  if (created.status === "completed") return created;
  if (isVideoJobDone(created)) throw new VideoGenerationError(created);
  return pollVideo(client, created.id, waitOptions, true);
}
