package org.priorkit.kernel.magic;

/**
 * A Maven artifact as written after {@code %maven}: {@code group:artifact:version},
 * {@code group:artifact:type:version} or {@code group:artifact:type:classifier:version}
 * (Maven's own order, as IJava accepts it).
 */
public record MavenCoordinate(String groupId, String artifactId, String type, String classifier, String version) {

    public MavenCoordinate {
        requirePart(groupId, "group");
        requirePart(artifactId, "artifact");
        requirePart(version, "version");
        type = type == null || type.isEmpty() ? "jar" : type;
        classifier = classifier == null ? "" : classifier;
    }

    public static MavenCoordinate parse(String text) {
        String[] p = text.trim().split(":", -1);
        try {
            return switch (p.length) {
                case 3 -> new MavenCoordinate(p[0], p[1], "jar", "", p[2]);
                case 4 -> new MavenCoordinate(p[0], p[1], p[2], "", p[3]);
                case 5 -> new MavenCoordinate(p[0], p[1], p[2], p[3], p[4]);
                default -> throw new IllegalArgumentException("expected 3 to 5 parts separated by ':'");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a Maven coordinate ("
                    + e.getMessage() + "); write group:artifact:version, e.g. org.knowm.xchart:xchart:4.0.3", e);
        }
    }

    /** The {@code <dependency>} element for a POM. */
    String toDependencyXml() {
        StringBuilder xml = new StringBuilder("    <dependency>")
                .append("<groupId>").append(groupId).append("</groupId>")
                .append("<artifactId>").append(artifactId).append("</artifactId>")
                .append("<version>").append(version).append("</version>");
        if (!type.equals("jar")) {
            xml.append("<type>").append(type).append("</type>");
        }
        if (!classifier.isEmpty()) {
            xml.append("<classifier>").append(classifier).append("</classifier>");
        }
        return xml.append("</dependency>\n").toString();
    }

    private static void requirePart(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + name + " part is empty");
        }
        if (!value.matches("[A-Za-z0-9_.\\-\\[\\](),]+")) {
            throw new IllegalArgumentException("the " + name + " part '" + value + "' has characters Maven does not allow");
        }
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + (type.equals("jar") && classifier.isEmpty() ? ""
                : ":" + type + (classifier.isEmpty() ? "" : ":" + classifier)) + ":" + version;
    }
}
