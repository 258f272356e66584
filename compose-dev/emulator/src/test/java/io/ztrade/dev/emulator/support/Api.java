package io.ztrade.dev.emulator.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Helpers the emulator's tests share: emit events, read the event log and the recorder. */
public final class Api {

    private Api() {}

    /** A fresh CloudEvent id. */
    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** Emits a binary-mode CloudEvent to broker ztrade/default; returns the response. */
    public static Response emit(String id, String type, String subject, String data) {
        var request = given().header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/tests")
                .header("ce-type", type).contentType(ContentType.JSON).body(data);
        if (subject != null) {
            request.header("ce-subject", subject);
        }
        return request.post("/ztrade/default");
    }

    /** Emits and expects 202. */
    public static void emitAccepted(String id, String type, String subject) {
        emit(id, type, subject, "{\"n\":1}").then().statusCode(202);
    }

    /** {@code GET /api/events/{id}}. */
    public static JsonPath event(String id) {
        return given().get("/api/events/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    public static String recorderUrl() {
        return ConfigProvider.getConfig().getValue("recorder.url", String.class);
    }

    /** What the recorder received on {@code path}. */
    public static List<Map<String, Object>> received(String path) {
        return given().baseUri(recorderUrl()).queryParam("path", path).get("/_recorder/requests")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The {@code ce-id}s the recorder received on {@code path}, in order. */
    @SuppressWarnings("unchecked")
    public static List<String> receivedIds(String path) {
        return received(path).stream().map(r -> ((Map<String, String>) r.get("headers")).get("ce-id")).toList();
    }

    /** Tells the recorder how to answer on {@code path}. */
    public static void behave(String path, String steps) {
        given().baseUri(recorderUrl()).queryParam("path", path).body(steps).post("/_recorder/behaviour").then().statusCode(204);
    }
}
