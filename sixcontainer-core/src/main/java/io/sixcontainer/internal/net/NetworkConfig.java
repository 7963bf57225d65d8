package io.sixcontainer.internal.net;

import com.fasterxml.jackson.core.JsonParser;
import io.sixcontainer.internal.json.Json;
import io.sixcontainer.internal.json.JsonMismatchException;
import io.sixcontainer.internal.json.JsonValueReader;
import java.io.IOException;
import java.net.Inet4Address;
import java.time.Instant;

/**
 * A bridge network as {@code networks/NAME/network.json} holds it.
 *
 * @param name    the network's name
 * @param subnet  its addresses; the first is the bridge's (the containers' gateway)
 * @param bridge  the host's bridge device
 * @param created when it was made
 */
public record NetworkConfig(String name, Ipv4Cidr subnet, String bridge, Instant created) {

    /** The bridge's address, the containers' default route. */
    public Inet4Address gateway() {
        return subnet.host(1);
    }

    byte[] toJson() throws IOException {
        return Json.write(true, g -> {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("subnet", subnet.toString());
            g.writeStringField("gateway", gateway().getHostAddress());
            g.writeStringField("bridge", bridge);
            g.writeStringField("created", created.toString());
            g.writeEndObject();
        });
    }

    static NetworkConfig read(JsonParser p) throws IOException {
        String[] v = new String[4];
        JsonValueReader.fields(p, field -> {
            switch (field) {
                case "name" -> v[0] = JsonValueReader.string(p);
                case "subnet" -> v[1] = JsonValueReader.string(p);
                case "bridge" -> v[2] = JsonValueReader.string(p);
                case "created" -> v[3] = JsonValueReader.string(p);
                case "gateway" -> JsonValueReader.string(p);
                default -> throw JsonValueReader.unknownField(p, field);
            }
        });
        for (String s : v) {
            if (s == null) {
                throw new JsonMismatchException(p, "a network needs name, subnet, bridge and created");
            }
        }
        return new NetworkConfig(v[0], Ipv4Cidr.parse(v[1]), v[2], Instant.parse(v[3]));
    }
}
