package org.ipc.portal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;

import org.ipc.api.TusProtocol;
import org.ipc.documents.PortalUploadResource;
import org.ipc.security.Roles;

/**
 * The same tus endpoint as {@code /api/portal/cases/{id}/uploads}, at {@code /portal/uploads/{id}} (a path of its own: a
 * class path overlapping the pages' ones ({@link PortalCasePage}), such as {@code /portal/cases/{id}/uploads}, would take their requests
 * from them), under the pages' sign-in (their session cookie)
 * for the pages' own upload script, with the pages' CSRF value in a header ({@code api/PageCsrfFilter}). Every method,
 * check and answer is {@link PortalUploadResource}'s.
 */
@Path("/portal/uploads/{id}")
@RolesAllowed(Roles.PHYSICIAN)
@TusProtocol
public class PortalPageUploads extends PortalUploadResource {
}
