package kz.tirkeu.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The last word on an error Tomcat meets before any servlet runs — a request whose headers exceed the limit, a request
 * line it cannot parse — where {@link ErrorAnswers} is never reached: Tomcat's own HTML page ("HTTP Status 400 – Bad
 * Request") becomes the same problem+json an API client gets everywhere else (issue [7]). Errors the application
 * answered itself pass through untouched.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String code = known == null ? "HTTP_" + status : ErrorAnswers.codeOf(known);
        String title = known == null ? "Error" : known.getReasonPhrase();
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"https://tirkeu.kz/problems/" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                        + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"code\":\"" + code
                        + "\",\"detail\":\"The request could not be read: check the address, its parameters and headers, and their size.\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot be written: there is nobody left to tell.
        }
    }

    /** Puts the valve in place of Tomcat's on the host, before the host starts and adds its default. */
    @Component
    static class Installation implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
        }
    }
}
