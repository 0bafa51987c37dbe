package org.minhu.proactive.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class NoticeRepository implements PanacheRepository<Notice> {
}
