/**
 * Type tests of the generated signatures, against the committed packages built from the pinned
 * spec. Each `@ts-expect-error` is scoped to one line so it fails when the error goes away.
 */
import { describe, expectTypeOf, test } from "vitest";
import type { APIPromise, Client, Stream } from "@orkit/openrouter-core";
import { OpenRouter } from "@orkit/openrouter";
import {
  chatSend,
  type ChatSendParams,
  type ChatSendResponse,
  type ChatSendStreamChunk,
} from "@orkit/openrouter-chat";
import { modelsCount, modelsList, type ModelsListResponse } from "@orkit/openrouter-models";
import { filesDownload, filesUpload } from "@orkit/openrouter-files";
import { speechCreate } from "@orkit/openrouter-speech";
import { apiKeysGet, apiKeysUpdate, type ApiKeysGetResponse } from "@orkit/openrouter-api-keys";
import { responsesSend, type ResponsesSendStreamChunk } from "@orkit/openrouter-responses";
import { transcriptionsCreate } from "@orkit/openrouter-transcriptions";

declare const client: Client;
const messages: ChatSendParams["messages"] = [{ role: "user", content: "Hi" }];

describe("chat: JSON and SSE overload", () => {
  test("without `stream` the call resolves to the JSON completion", () => {
    expectTypeOf(chatSend(client, { model: "m", messages })).toEqualTypeOf<
      APIPromise<ChatSendResponse>
    >();
  });
  test("`stream: false` resolves to the JSON completion", () => {
    expectTypeOf(chatSend(client, { model: "m", messages, stream: false })).toEqualTypeOf<
      APIPromise<ChatSendResponse>
    >();
  });
  test("`stream: true` resolves to a stream of chunks", () => {
    expectTypeOf(chatSend(client, { model: "m", messages, stream: true })).toEqualTypeOf<
      APIPromise<Stream<ChatSendStreamChunk>>
    >();
  });
  test("a `stream` flag known only at run time gives the union", () => {
    const flag = Math.random() > 0.5;
    expectTypeOf(chatSend(client, { model: "m", messages, stream: flag })).toEqualTypeOf<
      APIPromise<ChatSendResponse | Stream<ChatSendStreamChunk>>
    >();
  });
  test("`stream` is optional: a defaulted field is not required", () => {
    expectTypeOf<{ model: string; messages: typeof messages }>().toMatchTypeOf<ChatSendParams>();
  });
  test("chunks carry choices with deltas", () => {
    expectTypeOf<ChatSendStreamChunk["choices"][number]["delta"]>().toHaveProperty("content");
  });
  test("content parts with cache_control are accepted (allOf with an empty object is not Record<string, never>)", () => {
    chatSend(client, {
      model: "m",
      messages: [
        {
          role: "user",
          content: [{ type: "text", text: "Hello!", cache_control: { type: "ephemeral" } }],
        },
      ],
    });
  });
  test("model and messages are required", () => {
    // @ts-expect-error messages is missing
    chatSend(client, { model: "m" });
  });
  test("the umbrella client exposes the same overloads", () => {
    const or = new OpenRouter({ apiKey: "k" });
    expectTypeOf(or.chat.send({ model: "m", messages, stream: true })).toEqualTypeOf<
      APIPromise<Stream<ChatSendStreamChunk>>
    >();
    expectTypeOf(or.chat.send({ model: "m", messages })).toEqualTypeOf<
      APIPromise<ChatSendResponse>
    >();
    expectTypeOf(or.beta.responses.send).toEqualTypeOf(or.responses.send);
  });
  test("responses stream events are typed", () => {
    expectTypeOf(responsesSend(client, { input: "hi", stream: true })).toEqualTypeOf<
      APIPromise<Stream<ResponsesSendStreamChunk>>
    >();
  });
});

describe("other media types", () => {
  test("models.list is JSON, or text with use_rss", () => {
    expectTypeOf(modelsList(client)).toEqualTypeOf<APIPromise<ModelsListResponse>>();
    expectTypeOf(modelsList(client, { use_rss: "true" })).toEqualTypeOf<APIPromise<string>>();
  });
  test("binary responses resolve to the Response", () => {
    expectTypeOf(
      speechCreate(client, { model: "m", input: "hello" } as Parameters<typeof speechCreate>[1]),
    ).toEqualTypeOf<APIPromise<Response>>();
    expectTypeOf(filesDownload(client, { file_id: "f" })).toEqualTypeOf<APIPromise<Response>>();
  });
  test("multipart uploads take a Blob", () => {
    filesUpload(client, { file: new Blob(["x"]) });
    // @ts-expect-error a file is a Blob, not a string
    filesUpload(client, { file: "x" });
    transcriptionsCreate(client, { model: "m", file: new Blob(["x"]) });
  });
});

describe("parameters", () => {
  test("path parameters are required and typed", () => {
    expectTypeOf(apiKeysGet(client, { hash: "h" })).toEqualTypeOf<APIPromise<ApiKeysGetResponse>>();
    // @ts-expect-error hash is required
    apiKeysGet(client, {});
  });
  test("path parameters and body fields share one params object", () => {
    apiKeysUpdate(client, { hash: "h", name: "renamed", disabled: true });
  });
  test("operations without parameters take only options", () => {
    expectTypeOf(modelsCount).parameter(1).toEqualTypeOf<ModelsCountParamsOrOptions>();
  });
});

type ModelsCountParamsOrOptions = Parameters<typeof modelsCount>[1];
