package com.paystream.sanctions.imports;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads an XML list file as a stream (StAX): checks its root element and namespace, then hands over each child of the
 * root as a small tree of its own ({@link Node}), one at a time, so a file of tens of thousands of entries never sits
 * in memory as a document. DTDs and external entities are off: a file that declares either is refused, not resolved
 * (no XXE). Anything not well-formed, a truncated file included, is a problem of the file as a whole.
 */
final class XmlEntries {
    private static final XMLInputFactory FACTORY = factory();

    private XmlEntries() {
    }

    /** An element: local name, trimmed text, child elements, the line it starts on. */
    record Node(String name, String text, List<Node> children, long line) {
        /** The trimmed text of the first child of that name; null when absent or blank. */
        String text(String child) {
            for (Node node : children) {
                if (node.name.equals(child)) {
                    return node.text.isEmpty() ? null : node.text;
                }
            }
            return null;
        }

        /** The children of that name, in order. */
        List<Node> all(String child) {
            return children.stream().filter(node -> node.name.equals(child)).toList();
        }

        /** The descendants along a path of names ({@code akaList/aka}), in order. */
        List<Node> path(String path) {
            List<Node> found = List.of(this);
            for (String step : path.split("/")) {
                found = found.stream().flatMap(node -> node.all(step).stream()).toList();
            }
            return found;
        }
    }

    /**
     * Reads {@code in}: each child of the root goes to {@code child}. Problems go to {@code problems}; a root of
     * another name or namespace, or XML that is not well-formed, stops the reading.
     *
     * @param namespaces the root's accepted namespace URIs ({@code ""}: none)
     */
    static void read(InputStream in, String root, Set<String> namespaces, Problems problems, Consumer<Node> child) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(in);
            reader.nextTag();
            String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
            if (!reader.getLocalName().equals(root) || !namespaces.contains(namespace)) {
                problems.add(reader.getLocation().getLineNumber(), null, "The root element is <"
                        + reader.getLocalName() + ">" + (namespace.isEmpty() ? "" : " in namespace " + namespace)
                        + "; this format's is <" + root + ">" + (namespaces.contains("") ? "" : " in namespace "
                        + String.join(" or ", namespaces)));
                return;
            }
            while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                child.accept(element(reader));
            }
            while (reader.hasNext()) {
                reader.next(); // to the end of the document: what follows the root must be well-formed too
            }
        } catch (XMLStreamException | RuntimeException e) {
            long line = reader == null || reader.getLocation() == null ? 0 : reader.getLocation().getLineNumber();
            problems.add(Math.max(line, 0), null, "The file is not well-formed XML (truncated, or not this "
                    + "format?): " + firstLine(e.getMessage()));
        } finally {
            close(reader);
        }
    }

    /** The element the reader is at, whole; the reader is left at its end tag. */
    private static Node element(XMLStreamReader reader) throws XMLStreamException {
        record Open(String name, long line, StringBuilder text, List<Node> children) {
        }
        Deque<Open> open = new ArrayDeque<>();
        open.push(new Open(reader.getLocalName(), reader.getLocation().getLineNumber(), new StringBuilder(),
                new ArrayList<>()));
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> open.push(new Open(reader.getLocalName(),
                        reader.getLocation().getLineNumber(), new StringBuilder(), new ArrayList<>()));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        open.peek().text().append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    Open done = open.pop();
                    Node node = new Node(done.name(), done.text().toString().strip(), List.copyOf(done.children()),
                            done.line());
                    if (open.isEmpty()) {
                        return node;
                    }
                    open.peek().children().add(node);
                }
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String[] lines = message.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing more to read from it
            }
        }
    }
}
