/** Small value types open to every module: {@link org.guildhall.shared.Money}, keyset paging. */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.guildhall.shared;
