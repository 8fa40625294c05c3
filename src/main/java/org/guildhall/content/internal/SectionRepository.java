package org.guildhall.content.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SectionRepository extends JpaRepository<Section, UUID> {

  @Query("select s from Section s where s.courseId = :courseId order by s.position")
  List<Section> findByCourse(UUID courseId);
}
