/**
 * The public face: the home page and the top-level sections of the navigation. Composes other
 * modules' facades and owns no data.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "membership", "content", "learning"})
package org.guildhall.site;
