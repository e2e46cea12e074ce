import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import {
  createClient,
  generateVideo,
  isUserAbortError,
  OpenRouter,
  UserAbortError,
  VideoGenerationError,
  VideoGenerationTimeoutError,
  VIDEO_TERMINAL_STATUSES,
  waitForVideo,
  type VideoJob,
  type VideoJobStatus,
} from "../src/index.js";
import { startLoopbackServer } from "./helpers/loopback-server.js";

const JOB = "job-abc123";

function job(status: VideoJobStatus, extra: Partial<VideoJob> = {}): VideoJob {
  const base: VideoJob = { id: JOB, polling_url: `/api/v1/videos/${JOB}`, status };
  if (status !== "pending") base.generation_id = "gen-xyz789";
  if (status === "completed") {
    base.unsigned_urls = ["https://storage.example.com/video.mp4"];
    base.usage = { cost: 0.5, is_byok: false };
  }
  return { ...base, ...extra };
}

interface Seen {
  method: string;
  path: string;
  body: unknown;
}

/** Loopback video API: POST /videos answers `created`; the n-th GET answers `statuses[n]` (last repeats). */
async function serve(statuses: VideoJob[], created: VideoJob = job("pending")) {
  const requests: Seen[] = [];
  let polls = 0;
  const { origin } = await startLoopbackServer((req, res, text) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    requests.push({ method: req.method ?? "", path, body: text ? JSON.parse(text) : undefined });
    let status = 200;
    let body: unknown;
    if (req.method === "POST" && path === "/videos") {
      status = 202;
      body = created;
    } else if (req.method === "GET" && path === `/videos/${JOB}`) {
      body = statuses[Math.min(polls++, statuses.length - 1)];
    } else {
      status = 404;
      body = { error: { code: 404, message: "Resource not found" } };
    }
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  return { baseURL: origin, requests };
}

/** An instant sleep that records the delays asked for. */
function recordingSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  return { delays, sleep };
}

describe("waitForVideo", () => {
  it("polls pending → in_progress → completed with growing, capped delays", async () => {
    const { baseURL, requests } = await serve([
      job("pending"),
      job("pending"),
      job("in_progress"),
      job("in_progress"),
      job("completed"),
    ]);
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
    const { delays, sleep } = recordingSleep();
    const progress: [VideoJobStatus, number][] = [];

    const done = await waitForVideo(client, JOB, {
      intervalMs: 100,
      factor: 2,
      maxIntervalMs: 300,
      sleep,
      onProgress: (j, poll) => void progress.push([j.status, poll]),
    });

    expect(done.status).toBe("completed");
    expect(done.unsigned_urls).toEqual(["https://storage.example.com/video.mp4"]);
    expect(delays).toEqual([100, 200, 300, 300]);
    expect(progress).toEqual([
      ["pending", 1],
      ["pending", 2],
      ["in_progress", 3],
      ["in_progress", 4],
      ["completed", 5],
    ]);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(
      Array(5).fill(`GET /videos/${JOB}`),
    );
  });

  it("uses 2 s × 1.5 up to 15 s by default", async () => {
    const { baseURL } = await serve([...Array(8).fill(job("in_progress")), job("completed")]);
    const client = createClient({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
    const { delays, sleep } = recordingSleep();
    await waitForVideo(client, JOB, { sleep });
    expect(delays).toEqual([2000, 3000, 4500, 6750, 10125, 15000, 15000, 15000]);
  });

  it("throws VideoGenerationError for failed, cancelled and expired jobs", async () => {
    expect(VIDEO_TERMINAL_STATUSES).toEqual(["completed", "failed", "cancelled", "expired"]);
    for (const status of ["failed", "cancelled", "expired"] as const) {
      const error = status === "failed" ? "Content policy violation" : undefined;
      const { baseURL } = await serve([job("in_progress"), job(status, error ? { error } : {})]);
      const client = createClient({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
      const e = (await waitForVideo(client, JOB, { sleep: recordingSleep().sleep }).catch(
        (x: unknown) => x,
      )) as VideoGenerationError;
      expect(e).toBeInstanceOf(VideoGenerationError);
      expect(e.name).toBe("VideoGenerationError");
      expect(e.status).toBe(status);
      expect(e.jobId).toBe(JOB);
      expect(e.job.status).toBe(status);
      if (error) expect(e.message).toBe(`Video generation ${JOB} failed: Content policy violation`);
    }
  });

  it("stops with UserAbortError when the signal aborts mid-wait, even if the sleep ignores it", async () => {
    const { baseURL, requests } = await serve([job("pending"), job("in_progress")]);
    const client = createClient({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
    const controller = new AbortController();
    const delays: number[] = [];

    const waiting = waitForVideo(client, JOB, {
      signal: controller.signal,
      // Never resolves and ignores the signal: only the built-in race can end it.
      sleep: (ms) => {
        delays.push(ms);
        if (delays.length === 2) setTimeout(() => controller.abort(new Error("user left")), 5);
        return delays.length < 2 ? Promise.resolve() : new Promise<void>(() => {});
      },
    });

    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserAbortError);
    expect(isUserAbortError(error)).toBe(true);
    expect((error as UserAbortError).cause).toEqual(new Error("user left"));
    expect(delays).toEqual([2000, 3000]);
    expect(requests).toHaveLength(2);
  });

  it("rejects at once for an already-aborted signal", async () => {
    const { baseURL, requests } = await serve([job("pending")]);
    const client = createClient({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
    await expect(
      waitForVideo(client, JOB, { signal: AbortSignal.abort(new Error("no")) }),
    ).rejects.toBeInstanceOf(UserAbortError);
    expect(requests).toHaveLength(0);
  });

  it("throws VideoGenerationTimeoutError after timeoutMs with the last status", async () => {
    const { baseURL } = await serve([job("pending"), job("in_progress")]);
    const client = createClient({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
    const error = (await waitForVideo(client, JOB, {
      timeoutMs: 80,
      sleep: () => new Promise((r) => setTimeout(r, 10)),
    }).catch((e: unknown) => e)) as VideoGenerationTimeoutError;
    expect(error).toBeInstanceOf(VideoGenerationTimeoutError);
    expect(error.jobId).toBe(JOB);
    expect(error.timeoutMs).toBe(80);
    expect(error.lastJob?.status).toBe("in_progress");
  });

  it("passes API errors of a poll through", async () => {
    const { baseURL } = await serve([job("pending")]);
    const client = createClient({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
    await expect(
      waitForVideo(client, "job-missing", { sleep: recordingSleep().sleep }),
    ).rejects.toThrow(/404 Resource not found/);
  });
});

describe("generateVideo", () => {
  it("creates the job, then polls it starting one interval later", async () => {
    const { baseURL, requests } = await serve([job("in_progress"), job("completed")]);
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
    const { delays, sleep } = recordingSleep();
    const progress: string[] = [];

    const done = await generateVideo(
      client,
      {
        model: "google/veo-3.1",
        prompt: "A red fox running through snow",
        duration: 8,
        aspect_ratio: "16:9",
      },
      { sleep, onProgress: (j, poll) => void progress.push(`${poll}:${j.status}`) },
    );

    expect(done.status).toBe("completed");
    expect(progress).toEqual(["0:pending", "1:in_progress", "2:completed"]);
    expect(delays).toEqual([2000, 3000]);
    expect(requests[0]).toEqual({
      method: "POST",
      path: "/videos",
      body: {
        model: "google/veo-3.1",
        prompt: "A red fox running through snow",
        duration: 8,
        aspect_ratio: "16:9",
      },
    });
    expect(requests.slice(1).map((r) => r.path)).toEqual([`/videos/${JOB}`, `/videos/${JOB}`]);
  });

  it("leaves no listener on long-lived signals once done, however it ends", async () => {
    // An app-wide shutdown signal outlives every wait: anything left on it is retained for good.
    const shutdown = new AbortController();
    const perCall = new AbortController();
    const listeners = () =>
      getEventListeners(shutdown.signal, "abort").length +
      getEventListeners(perCall.signal, "abort").length;
    const { baseURL } = await serve([job("in_progress"), job("completed")]);
    const client = new OpenRouter({ apiKey: "sk-or-test", baseURL, maxRetries: 0 });
    const { sleep } = recordingSleep();
    const signals = { signal: shutdown.signal, requestOptions: { signal: perCall.signal } };

    await generateVideo(
      client,
      { model: "google/veo-3.1", prompt: "A fox" },
      { sleep, ...signals },
    );
    expect(listeners()).toBe(0);
    await waitForVideo(client, JOB, { sleep, ...signals });
    expect(listeners()).toBe(0);

    const failing = await serve([job("failed")]);
    const other = new OpenRouter({ apiKey: "sk-or-test", baseURL: failing.baseURL, maxRetries: 0 });
    await expect(waitForVideo(other, JOB, { sleep, ...signals })).rejects.toThrow(
      VideoGenerationError,
    );
    expect(listeners()).toBe(0);
  });
});
