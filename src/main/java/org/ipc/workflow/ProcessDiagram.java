package org.ipc.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Draws a BPMN model as SVG from its own diagram information, the way Camunda Modeler lays it out, with chosen
 * activities highlighted (the steps a case is at). Used for docs/processes.md and the inbox's case page, so
 * both always show the deployed model.
 */
public final class ProcessDiagram {

    private static final String INK = "#1f2933";
    private static final String HIGHLIGHT = "#0b6e4f";
    private static final String HIGHLIGHT_FILL = "#d7f5e8";
    private static final int MARGIN = 20;

    private ProcessDiagram() {
    }

    public static String svg(BpmnModelInstance model, Set<String> highlighted) {
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
        double maxX = 0;
        double maxY = 0;
        for (BpmnShape shape : shapes) {
            maxX = Math.max(maxX, shape.getBounds().getX() + shape.getBounds().getWidth());
            maxY = Math.max(maxY, shape.getBounds().getY() + shape.getBounds().getHeight() + 40);
        }
        for (BpmnEdge edge : edges) {
            for (Waypoint w : edge.getWaypoints()) {
                maxX = Math.max(maxX, w.getX());
                maxY = Math.max(maxY, w.getY());
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\" role=\"img\" "
                        + "aria-label=\"%s\">\n<title>%s</title>\n",
                (int) maxX + MARGIN, (int) maxY + MARGIN, (int) maxX + MARGIN, (int) maxY + MARGIN,
                escape(description(model, highlighted)), escape(description(model, highlighted))));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"" + INK
                + "\"/></marker></defs>\n");
        // containers first, so what they contain is drawn on top
        shapes.stream().filter(s -> s.getBpmnElement() instanceof SubProcess).forEach(s -> shape(svg, s, highlighted));
        for (BpmnEdge edge : edges) {
            edge(svg, edge);
        }
        shapes.stream().filter(s -> !(s.getBpmnElement() instanceof SubProcess)).forEach(s -> shape(svg, s, highlighted));
        return svg.append("</svg>\n").toString();
    }

    /** What the drawing shows, for those who do not see it: the process and the steps it is at now. */
    private static String description(BpmnModelInstance model, Set<String> highlighted) {
        String process = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
                .map(p -> p.getName() == null ? p.getId() : p.getName()).findFirst().orElse("the process");
        List<String> now = highlighted.stream().sorted()
                .map(id -> model.getModelElementById(id) instanceof FlowElement f && f.getName() != null
                        ? f.getName().replaceAll("\\s+", " ") : id)
                .toList();
        return "Diagram of " + process + (now.isEmpty() ? "" : "; now at: " + String.join(", ", now));
    }

    private static void shape(StringBuilder svg, BpmnShape shape, Set<String> highlighted) {
        Bounds b = shape.getBounds();
        BaseElement element = shape.getBpmnElement();
        boolean on = highlighted.contains(element.getId());
        String stroke = on ? HIGHLIGHT : INK;
        String fill = on ? HIGHLIGHT_FILL : "white";
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        String name = element instanceof FlowElement fe ? fe.getName() : null;
        svg.append("<g data-element-id=\"").append(escape(element.getId())).append("\"")
                .append(on ? " class=\"current\"" : "").append(">");
        if (element instanceof SubProcess sub) {
            boolean eventSub = sub.triggeredByEvent();
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"10\" fill=\"%s\" stroke=\"%s\" "
                            + "stroke-width=\"%d\"%s/>",
                    x, y, w, h, on ? HIGHLIGHT_FILL : "none", stroke, on ? 3 : 1,
                    eventSub ? " stroke-dasharray=\"4 3\"" : ""));
            text(svg, x + 8, y + 16, name, 60, "start", stroke);
        } else if (element instanceof Activity) {
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"10\" fill=\"%s\" stroke=\"%s\" "
                            + "stroke-width=\"%d\"/>",
                    x, y, w, h, fill, stroke, on ? 3 : 2));
            wrapped(svg, x + w / 2, y + h / 2, name, 14, stroke);
        } else if (element instanceof Gateway) {
            svg.append(String.format(Locale.ROOT,
                    "<polygon points=\"%.0f,%.0f %.0f,%.0f %.0f,%.0f %.0f,%.0f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\"/>",
                    x + w / 2, y, x + w, y + h / 2, x + w / 2, y + h, x, y + h / 2, fill, stroke));
            String marker = element instanceof ExclusiveGateway ? "&#x2715;" : element instanceof InclusiveGateway ? "&#x25EF;"
                    : element instanceof ParallelGateway ? "+" : "";
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" font-size=\"18\" fill=\"%s\">%s</text>",
                    x + w / 2, y + h / 2 + 6, stroke, marker));
            label(svg, shape, name, stroke);
        } else if (element instanceof Event event) {
            event(svg, event, x + w / 2, y + h / 2, w / 2, stroke, fill);
            label(svg, shape, name, stroke);
        }
        svg.append("</g>\n");
    }

    private static void event(StringBuilder svg, Event event, double cx, double cy, double r, String stroke,
            String fill) {
        boolean end = event instanceof EndEvent;
        boolean dashed = event instanceof BoundaryEvent boundary && !boundary.cancelActivity();
        svg.append(String.format(Locale.ROOT,
                "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%d\"%s/>",
                cx, cy, r, fill, stroke, end ? 4 : 2, dashed ? " stroke-dasharray=\"4 2\"" : ""));
        if (event instanceof BoundaryEvent || !(event instanceof ThrowEvent) && !end
                && !event.getChildElementsByType(EventDefinition.class).isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\" fill=\"none\" stroke=\"%s\"/>",
                    cx, cy, r - 3, stroke));
        }
        for (EventDefinition definition : event.getChildElementsByType(EventDefinition.class)) {
            if (definition instanceof TimerEventDefinition) {
                svg.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"9\" fill=\"none\" stroke=\"%s\"/>"
                                + "<path d=\"M %.0f %.0f L %.0f %.0f L %.0f %.0f\" fill=\"none\" stroke=\"%s\"/>",
                        cx, cy, stroke, cx, cy - 7, cx, cy, cx + 5, cy + 2, stroke));
            } else if (definition instanceof MessageEventDefinition) {
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.0f\" y=\"%.0f\" width=\"16\" height=\"11\" fill=\"none\" stroke=\"%s\"/>"
                                + "<path d=\"M %.0f %.0f L %.0f %.0f L %.0f %.0f\" fill=\"none\" stroke=\"%s\"/>",
                        cx - 8, cy - 5.5, stroke, cx - 8, cy - 5.5, cx, cy + 1, cx + 8, cy - 5.5, stroke));
            } else if (definition instanceof TerminateEventDefinition) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\" fill=\"%s\"/>",
                        cx, cy, r - 7, stroke));
            }
        }
    }

    private static void edge(StringBuilder svg, BpmnEdge edge) {
        List<String> points = new ArrayList<>();
        for (Waypoint w : edge.getWaypoints()) {
            points.add(String.format(Locale.ROOT, "%.0f,%.0f", w.getX(), w.getY()));
        }
        svg.append("<polyline points=\"").append(String.join(" ", points)).append("\" fill=\"none\" stroke=\"")
                .append(INK).append("\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n");
        if (edge.getBpmnElement() instanceof SequenceFlow flow && flow.getName() != null) {
            Waypoint first = edge.getWaypoints().iterator().next();
            double x = first.getX() + 6;
            double y = first.getY() - 6;
            if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
                x = edge.getBpmnLabel().getBounds().getX();
                y = edge.getBpmnLabel().getBounds().getY() + 11;
            }
            text(svg, x, y, flow.getName(), 40, "start", INK);
        }
    }

    private static void label(StringBuilder svg, BpmnShape shape, String name, String color) {
        if (name == null || name.isBlank()) {
            return;
        }
        Bounds b = shape.getBounds();
        if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
            Bounds l = shape.getBpmnLabel().getBounds();
            wrapped(svg, l.getX() + l.getWidth() / 2, l.getY() + 7, name, 20, color);
        } else {
            wrapped(svg, b.getX() + b.getWidth() / 2, b.getY() + b.getHeight() + 14, name, 20, color);
        }
    }

    private static void wrapped(StringBuilder svg, double cx, double cy, String text, int width, String color) {
        if (text == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        double top = cy - (lines.size() - 1) * 7;
        for (int i = 0; i < lines.size(); i++) {
            text(svg, cx, top + i * 14 + 4, lines.get(i), 200, "middle", color);
        }
    }

    private static void text(StringBuilder svg, double x, double y, String text, int max, String anchor, String color) {
        if (text == null) {
            return;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"%s\" fill=\"%s\">%s</text>",
                x, y, anchor, color, escape(text.length() > max ? text.substring(0, max) : text)));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
